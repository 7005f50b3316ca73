// A screen inside the home menu that may open in the scroll view (when taller than the terminal):
// waits for either the scroll view's footer or `next`, closing the scroll view first when it opened.
import type { Session } from './pty.js';

const SCROLL_FOOTER = /PgUp\/PgDn[^\n]*q: [a-z ]+/;

export async function pastScrollView(t: Session, next: string, timeoutMs?: number): Promise<void> {
  const escaped = next.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const seen = await t.waitFor(new RegExp(`${SCROLL_FOOTER.source}|${escaped}`), timeoutMs);
  if (!seen.trimEnd().endsWith(next)) {
    t.write('q');
    await t.waitFor(next, timeoutMs);
  }
}
