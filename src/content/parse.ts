// One question file: YAML front matter, then `# Section` blocks. Returns the question and every
// problem found (with its line), never throws: a file with problems yields no question.
import type { Problem } from '../errors.js';
import { type Block, firstNonBlank, joinText, type Line, splitByHeading } from './blocks.js';
import { parseCards } from './cards-section.js';
import { type FrontMatterResult, parseFrontMatter } from './frontmatter.js';
import { checkSection, CONTENT_LIMITS } from './limits.js';
import { markdownProblems } from './markdown-check.js';
import type { Depth, Question } from './model.js';
import { parseQuiz } from './quiz-section.js';
import { sanitizeText } from './sanitize.js';

const SECTIONS = {
  question: 'Question',
  'super-brief answer': 'Super-brief answer',
  'brief answer': 'Brief answer',
  'detailed answer': 'Detailed answer',
  'interview tips': 'Interview tips',
  quiz: 'Quiz',
  flashcards: 'Flashcards',
} as const;
type SectionKey = keyof typeof SECTIONS;
const REQUIRED: SectionKey[] = ['question', 'super-brief answer', 'brief answer', 'detailed answer'];
const DEPTH_SECTION: Record<Depth, SectionKey> = {
  'super-brief': 'super-brief answer',
  brief: 'brief answer',
  detailed: 'detailed answer',
};

function sectionKey(heading: string): SectionKey | undefined {
  const k = heading.toLowerCase().replace(/[\s_-]+/g, ' ').replace('super brief', 'super-brief').trim();
  return k in SECTIONS ? (k as SectionKey) : undefined;
}

export interface ParseResult {
  question?: Question;
  problems: Problem[];
}

export function parseQuestion(source: string, file: string): ParseResult {
  const text = sanitizeText(source);
  const all: Line[] = text.split('\n').map((t, i) => ({ n: i + 1, text: t }));
  const problems: Problem[] = [];

  const front = frontMatterOf(all, file);
  if ('problem' in front) return { problems: [front.problem] };
  const { fm, close } = front;
  problems.push(...fm.problems);

  const { preamble, blocks } = splitByHeading(all.slice(close + 1), 1);
  const stray = firstNonBlank(preamble);
  if (stray) problems.push({ file, line: stray.n, message: "text before the first section: start with '# Question'" });

  const sections: Partial<Record<SectionKey, Block>> = {};
  for (const block of blocks) {
    const key = sectionKey(block.heading);
    if (!key) {
      problems.push({ file, line: block.line, message: `unknown section '# ${block.heading}' (expected one of: ${Object.values(SECTIONS).join(', ')})` });
    } else if (sections[key]) {
      problems.push({ file, line: block.line, message: `section '# ${SECTIONS[key]}' appears twice (first at line ${sections[key].line})` });
    } else {
      sections[key] = block;
    }
    problems.push(...checkSection(`# ${key ? SECTIONS[key] : block.heading}`, block.line, block.body, file));
  }
  const endLine = all.at(-1)?.text === '' ? all.length - 1 : all.length;
  for (const key of REQUIRED) {
    const block = sections[key];
    if (!block) problems.push({ file, line: endLine, message: `missing section '# ${SECTIONS[key]}'` });
    else if (!joinText(block.body)) problems.push({ file, line: block.line, message: `section '# ${SECTIONS[key]}' is empty` });
  }

  const id = fm.data?.id ?? 'unknown';
  const quiz = sections.quiz ? parseQuiz(sections.quiz, id, file) : { items: [], problems: [] };
  const cards = sections.flashcards ? parseCards(sections.flashcards, id, file) : { cards: [], problems: [] };
  problems.push(...quiz.problems, ...cards.problems);

  problems.sort((a, b) => a.line - b.line);
  if (problems.length > 0 || !fm.data) return { problems };
  const body = (key: SectionKey) => joinText(sections[key]?.body ?? []);
  const tips = body('interview tips');
  const question: Question = {
    ...fm.data,
    file,
    lines: { id: fm.keyLines.id ?? 2, related: fm.keyLines.related ?? fm.keyLines.id ?? 2 },
    prompt: body('question'),
    answers: {
      'super-brief': body(DEPTH_SECTION['super-brief']),
      brief: body(DEPTH_SECTION.brief),
      detailed: body(DEPTH_SECTION.detailed),
    },
    ...(tips ? { tips } : {}),
    quiz: quiz.items,
    cards: cards.cards,
  };
  const at = (key: SectionKey) => sections[key]?.line ?? 1;
  const unparsable = markdownProblems(question, {
    prompt: at('question'),
    'super-brief': at(DEPTH_SECTION['super-brief']),
    brief: at(DEPTH_SECTION.brief),
    detailed: at(DEPTH_SECTION.detailed),
    tips: at('interview tips'),
  });
  return unparsable.length > 0 ? { problems: unparsable } : { question, problems };
}

/** The front matter between the first two `---` lines, parsed; or why there is none to parse. */
function frontMatterOf(all: readonly Line[], file: string): { fm: FrontMatterResult; close: number } | { problem: Problem } {
  if (all[0]?.text.trim() !== '---') return { problem: { file, line: 1, message: "missing front matter: the file must start with a '---' line" } };
  const close = all.findIndex((l, i) => i > 0 && l.text.trim() === '---');
  if (close < 0) return { problem: { file, line: 1, message: "front matter is not closed with a '---' line" } };
  const yaml = all.slice(1, close).map((l) => l.text).join('\n');
  if (yaml.length > CONTENT_LIMITS.frontMatterChars) {
    const most = CONTENT_LIMITS.frontMatterChars.toLocaleString('en-US');
    return { problem: { file, line: 1, message: `front matter is too long (${yaml.length.toLocaleString('en-US')} characters; at most ${most})` } };
  }
  return { fm: parseFrontMatter(yaml, file, 2), close };
}
