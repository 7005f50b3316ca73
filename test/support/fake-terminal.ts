// A terminal for prompt tests: collects what is written (as a terminal's line discipline sends it)
// and can be resized, calling the listeners given to `onResize` as Output.onResize does.
import { Writable } from 'node:stream';
import type { LiveTerminal } from '../../src/ui/scroll-view.js';
import { emulate } from './screen.js';

export class FakeTerminal extends Writable {
  text = '';
  isTTY = true;
  private resizeListeners = new Set<() => void>();
  constructor(
    public cols: number,
    public height = 24,
  ) {
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
  /** The terminal as the scroll view sees it (a stream's `columns` is a number, LiveTerminal's a method). */
  live(): LiveTerminal {
    return { columns: () => this.cols, rows: () => this.height, onResize: this.onResize };
  }
  resize(cols: number, height = this.height): void {
    this.cols = cols;
    this.height = height;
    this.resizeListeners.forEach((l) => l());
  }
}

/** One turn of the event loop: a prompt has redrawn after a key or a resize. */
export const tick = () => new Promise((r) => setImmediate(r));

/** The rows drawn since `mark` (a length of `term.text`), on a terminal `cols` wide. */
export function screenSince(term: FakeTerminal, mark: number, cols: number) {
  return emulate(term.text.slice(mark), cols, 20).rows.slice(-20);
}
