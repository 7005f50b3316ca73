// The `## id` entries of a `# Quiz` or `# Flashcards` section. Both sections follow the same rules:
// no text before the first entry, a heading that names the entry, ids unique within the question,
// and each entry keyed `<question-id>/<entry-id>` for progress.
import type { Problem } from '../errors.js';
import { type Block, firstNonBlank, splitByHeading } from './blocks.js';

export type At = (line: number, message: string) => void;

export interface EntryRules<H extends { id: string }, T> {
  /** Said at the first line of text before the first `##` heading. */
  stray: string;
  /** What the heading says (at least the id), or the problem with it: such an entry is skipped. */
  heading: (heading: string) => H | string;
  duplicate: (id: string) => string;
  /** The entry itself, or undefined when its problems (reported through `at`) leave nothing usable. */
  entry: (block: Block, head: H, at: At) => T | undefined;
}

export function parseEntries<H extends { id: string }, T>(
  section: Block,
  questionId: string,
  file: string,
  rules: EntryRules<H, T>,
): { entries: (T & { key: string })[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const at: At = (line, message) => problems.push({ file, line, message });
  const { preamble, blocks } = splitByHeading(section.body, 2);
  const stray = firstNonBlank(preamble);
  if (stray) at(stray.n, rules.stray);

  const entries: (T & { key: string })[] = [];
  const seen = new Set<string>();
  for (const block of blocks) {
    const head = rules.heading(block.heading);
    if (typeof head === 'string') {
      at(block.line, head);
      continue;
    }
    if (seen.has(head.id)) at(block.line, rules.duplicate(head.id));
    seen.add(head.id);
    const entry = rules.entry(block, head, at);
    if (entry) entries.push({ ...entry, key: `${questionId}/${head.id}` });
  }
  return { entries, problems };
}
