// A terminal for prompt tests: collects what is written (as a terminal's line discipline sends it)
// and can be resized, calling the listeners given to `onResize` as Output.onResize does.
import { Writable } from 'node:stream';

export class FakeTerminal extends Writable {
  text = '';
  isTTY = true;
  private resizeListeners = new Set<() => void>();
  constructor(public cols: number) {
    super();
  }
  get columns(): number {
    return this.cols;
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    // A terminal's line discipline turns each \n into \r\n (the emulator moves down only on \n).
    this.text += String(chunk).replace(/\r?\n/g, '\r\n');
    cb();
  }
  onResize = (l: () => void) => (this.resizeListeners.add(l), () => void this.resizeListeners.delete(l));
  resize(cols: number): void {
    this.cols = cols;
    this.resizeListeners.forEach((l) => l());
  }
}

/** One turn of the event loop: a prompt has redrawn after a key or a resize. */
export const tick = () => new Promise((r) => setImmediate(r));
