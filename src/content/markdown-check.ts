// A question's Markdown pieces are parsed once at load time with marked, the parser `read`, the
// quiz and the flashcards render with: some inputs (e.g. "* x\n\t>2) x") make marked itself throw,
// and a file that would crash the screen that shows it is invalid content, reported with its line.
import { Marked } from 'marked';
import type { Problem } from '../errors.js';
import { DEPTHS, type Depth, type Question } from './model.js';

let parser: Marked | undefined;

/** The first piece of the question that marked cannot parse, as a problem; none when all parse. */
export function markdownProblems(q: Question, lines: Record<'prompt' | Depth | 'tips', number>): Problem[] {
  const marked = (parser ??= new Marked());
  const pieces: { line: number; text: string; inline?: boolean }[] = [
    { line: lines.prompt, text: q.prompt },
    ...DEPTHS.map((d) => ({ line: lines[d], text: q.answers[d] })),
    { line: lines.tips, text: q.tips ?? '' },
    ...q.quiz.flatMap((item) => [
      { line: item.line, text: item.prompt },
      { line: item.line, text: item.explanation },
      ...item.options.map((o) => ({ line: item.line, text: o.text, inline: true })),
    ]),
    ...q.cards.flatMap((card) => [
      { line: card.line, text: card.front },
      { line: card.line, text: card.back },
      ...card.keyPoints.map((p) => ({ line: card.line, text: p, inline: true })),
    ]),
  ];
  for (const piece of pieces) {
    try {
      if (piece.inline) marked.parseInline(piece.text, { async: false });
      else marked.parse(piece.text, { async: false });
    } catch (err) {
      const why = err instanceof Error ? err.message.split('\n')[0]! : String(err);
      return [{ file: q.file, line: piece.line, message: `the Markdown here cannot be parsed (${why}); simplify its nesting` }];
    }
  }
  return [];
}
