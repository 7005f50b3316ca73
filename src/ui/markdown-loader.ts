// The Markdown renderer a screen needs. Texts the build rendered (ui/prebuilt.ts) are only laid out,
// so a screen made of them never loads marked and marked-terminal; any other text loads them.
import { layoutMarkdown } from './markdown-layout.js';
import { prerendered } from './prebuilt.js';
import type { Output } from './terminal.js';

export type Md = (markdown: string) => string;

type Out = Pick<Output, 'c' | 'color' | 'columns'>;

/** A renderer for `texts` (the renderer of any text when one of them was not rendered by the build). */
export async function markdownRenderer(texts: readonly string[], out: Out): Promise<Md> {
  if (texts.every((t) => prerendered(t, out.color) !== undefined)) {
    return (markdown) => {
      const rendered = prerendered(markdown, out.color);
      if (rendered === undefined) throw new Error('markdownRenderer: asked for a text it was not given');
      return layoutMarkdown(rendered, out);
    };
  }
  const { renderMarkdown } = await import('./markdown.js');
  return (markdown) => renderMarkdown(markdown, out);
}
