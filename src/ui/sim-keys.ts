// Key presses for `prepdeck simulate --step`: raw mode on a terminal's input, one key at a time.
import { emitKeypressEvents } from 'node:readline';

export interface KeyInput {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  on(event: 'keypress', listener: (str: string | undefined, key: { name?: string; ctrl?: boolean } | undefined) => void): unknown;
  off(event: 'keypress', listener: (...args: never[]) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

export interface KeyReader {
  /** The next key's name ('space', 'return', 'q', …); 'ctrl-c' for Ctrl+C. */
  next(): Promise<string>;
  close(): void;
}

export function createKeyReader(input: KeyInput): KeyReader {
  emitKeypressEvents(input as unknown as NodeJS.ReadableStream);
  input.setRawMode?.(true);
  input.resume();
  const waiting: ((key: string) => void)[] = [];
  const pressed: string[] = []; // keys typed ahead of next()
  const onKey = (str: string | undefined, key: { name?: string; ctrl?: boolean } | undefined): void => {
    const name = key?.ctrl && key.name === 'c' ? 'ctrl-c' : (key?.name ?? str ?? '');
    const waiter = waiting.shift();
    if (waiter) waiter(name);
    else pressed.push(name);
  };
  input.on('keypress', onKey);
  return {
    next: () => {
      const early = pressed.shift();
      return early !== undefined ? Promise.resolve(early) : new Promise((resolve) => waiting.push(resolve));
    },
    close() {
      input.off('keypress', onKey as never);
      input.setRawMode?.(false);
      input.pause();
    },
  };
}
