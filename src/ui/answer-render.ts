// A question and its answer at one or more depths, as terminal text (tldr-style: model -> string).
import { DEPTHS, type Depth, type Question } from '../content/model.js';
import { shellCommand } from '../content/sanitize.js';
import type { Md } from './markdown-loader.js';
import { commandFits, layoutHints, wrap } from './text.js';
import type { Output } from './terminal.js';

export const DEPTH_LABEL: Record<Depth, string> = {
  'super-brief': 'Super-brief answer',
  brief: 'Brief answer',
  detailed: 'Detailed answer',
};

type Out = Pick<Output, 'c' | 'color' | 'columns'>;

function rule(out: Out, label: string): string {
  const text = ` ${label} `;
  const width = Math.max(0, Math.min(out.columns, 100) - text.length - 2);
  return out.c.cyan('──' + out.c.bold(text) + '─'.repeat(width));
}

/** The Markdown texts renderAnswer renders, in order: for markdownRenderer. */
export function answerTexts(q: Question, depths: readonly Depth[]): string[] {
  const tips = q.tips && depths.includes('detailed') ? [q.tips] : [];
  return [q.prompt, ...depths.map((d) => q.answers[d]), ...tips];
}

/** `content`: the --content folders this run was given, repeated in every command it suggests (else they find nothing). */
export function renderAnswer(q: Question, depths: readonly Depth[], out: Out, md: Md, content: readonly string[] = []): string {
  const { c } = out;
  const parts: string[] = [];
  parts.push(c.bold(c.magenta(wrap(q.title, out.columns))));
  parts.push(c.dim(wrap(`${q.deck} · ${q.level} · ${q.tags.map((t) => `#${t}`).join(' ')} · id ${q.id}`, out.columns)));
  parts.push('', rule(out, 'Question'), md(q.prompt));
  for (const depth of depths) parts.push(rule(out, DEPTH_LABEL[depth]), md(q.answers[depth]));
  if (q.tips && depths.includes('detailed')) parts.push(rule(out, 'Interview tips'), md(q.tips));

  const next: [string, string[]][] = [];
  const prepdeck = ['prepdeck', ...content.flatMap((dir) => ['--content', dir])];
  const others = DEPTHS.filter((d) => !depths.includes(d));
  // Each item is a whole command that can be copied as it is.
  if (others.length > 0) next.push(['Other depths:', others.map((d) => shellCommand([...prepdeck, 'read', q.id, '--depth', d]))]);
  if (q.simulate) next.push(['See it run:', [simulateCommand(q.simulate)]]);
  if (q.related.length > 0) next.push(['Related:', q.related.map((r) => shellCommand([...prepdeck, 'read', r]))]);
  // Every question is a card of its own (cards/question-card.ts); a quiz only where it has items.
  next.push(['Practise:', [...(q.quiz.length > 0 ? [shellCommand([...prepdeck, 'quiz', '--question', q.id])] : []), shellCommand([...prepdeck, 'practice'])]]);
  parts.push(rule(out, 'Next'), footer(next, out.columns).map((l) => c.dim(l)).join('\n') + '\n');
  return parts.join('\n');
}

const LABEL = 14;

/**
 * Each label then its commands, broken only between whole commands (or a long command between whole
 * arguments), continuation lines under the first command. The commands go below their labels, for
 * the whole footer alike, when the width is narrow or an argument (a long id, a --content folder)
 * is too wide for the room beside a label.
 */
function footer(next: readonly [string, readonly string[]][], columns: number): string[] {
  const room = columns - LABEL;
  const beside = room >= 30 && next.every(([, items]) => items.every((item) => commandFits(item, room)));
  return next.map(([label, items]) => {
    if (!beside) return [label, ...layoutHints(items, columns - 2, { commands: true }).map((l) => `  ${l}`)].join('\n');
    return layoutHints(items, room, { commands: true })
      .map((l, i) => (i === 0 ? label.padEnd(LABEL) : ' '.repeat(LABEL)) + l)
      .join('\n');
  });
}

export function answerJson(q: Question, depths: readonly Depth[]) {
  return {
    id: q.id,
    deck: q.deck,
    title: q.title,
    level: q.level,
    tags: q.tags,
    question: q.prompt,
    depths,
    answers: Object.fromEntries(depths.map((d) => [d, q.answers[d]])),
    ...(q.tips ? { tips: q.tips } : {}),
    related: q.related,
    ...(q.simulate ? { simulate: simulateCommand(q.simulate) } : {}),
  };
}

/** The question's simulation as a command to copy, each argument shell-quoted. */
export function simulateCommand(flags: string): string {
  return shellCommand(['prepdeck', 'simulate', ...flags.trim().split(/\s+/)]);
}
