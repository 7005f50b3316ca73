// The last step of rendering Markdown, kept apart from marked so that text rendered at build time
// (ui/prebuilt.ts) is laid out without loading it: prose wrapped to the live width, code kept whole.
import type { Output } from './terminal.js';
import { displayWidth, truncate, wrapIndented } from './text.js';

type Out = Pick<Output, 'c' | 'columns'>;

/**
 * Marks a line of a code block (after any indent a list or quote gives it): such a line is never
 * reflowed like prose, since a config or command broken over lines no longer works when copied.
 */
export const CODE_LINE = '\ue000';

/**
 * Rendered Markdown laid out for this output: prose wrapped at word boundaries (hanging indents
 * kept); a code-block line wider than the terminal is cut, ending in `…`, and never reflowed.
 */
export function layoutMarkdown(rendered: string, out: Out): string {
  return (
    rendered
      .split('\n')
      .map((line) => {
        const at = line.indexOf(CODE_LINE);
        if (at < 0) return wrapIndented(line, out.columns);
        const lead = line.slice(0, at);
        const room = Math.max(1, out.columns - displayWidth(lead));
        return lead + out.c.yellow(truncate(line.slice(at + CODE_LINE.length), room));
      })
      .join('\n') + '\n'
  );
}
