// One question file: YAML front matter, then `# Section` blocks. Returns the question and every
// problem found (with its line), never throws: a file with problems yields no question.
import type { Problem } from '../errors.js';
import { type Block, firstNonBlank, joinText, type Line, splitByHeading } from './blocks.js';
import { parseCards } from './cards-section.js';
import { type FrontMatterResult, parseFrontMatter } from './frontmatter.js';
import { checkSection, CONTENT_LIMITS } from './limits.js';
import { markdownProblems } from './markdown-check.js';
import type { Depth, FrontMatter, Question } from './model.js';
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

type Sections = Partial<Record<SectionKey, Block>>;

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
  const sections = sectionsOf(blocks, file, problems);
  const endLine = all.at(-1)?.text === '' ? all.length - 1 : all.length;
  problems.push(...requiredProblems(sections, endLine, file));

  const id = fm.data?.id ?? 'unknown';
  const quiz = sections.quiz ? parseQuiz(sections.quiz, id, file) : { items: [], problems: [] };
  const cards = sections.flashcards ? parseCards(sections.flashcards, id, file) : { cards: [], problems: [] };
  problems.push(...quiz.problems, ...cards.problems);

  problems.sort((a, b) => a.line - b.line);
  if (problems.length > 0 || !fm.data) return { problems };
  const question = questionOf({ data: fm.data, keyLines: fm.keyLines }, sections, file, { quiz: quiz.items, cards: cards.cards });
  const unparsable = markdownProblems(question, sectionLines(sections));
  return unparsable.length > 0 ? { problems: unparsable } : { question, problems };
}

/** Each known section by key; unknown and repeated headings, and each section's size limits, go to `problems`. */
function sectionsOf(blocks: readonly Block[], file: string, problems: Problem[]): Sections {
  const sections: Sections = {};
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
  return sections;
}

/** A required section that is missing is reported at the file's last line; an empty one at its heading. */
function requiredProblems(sections: Sections, endLine: number, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const key of REQUIRED) {
    const block = sections[key];
    if (!block) problems.push({ file, line: endLine, message: `missing section '# ${SECTIONS[key]}'` });
    else if (!joinText(block.body)) problems.push({ file, line: block.line, message: `section '# ${SECTIONS[key]}' is empty` });
  }
  return problems;
}

function questionOf(fm: { data: FrontMatter; keyLines: FrontMatterResult['keyLines'] }, sections: Sections, file: string, parts: Pick<Question, 'quiz' | 'cards'>): Question {
  const body = (key: SectionKey) => joinText(sections[key]?.body ?? []);
  const tips = body('interview tips');
  return {
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
    quiz: parts.quiz,
    cards: parts.cards,
  };
}

/** Where each Markdown part starts, so a Markdown problem names its line. */
function sectionLines(sections: Sections): Parameters<typeof markdownProblems>[1] {
  const at = (key: SectionKey) => sections[key]?.line ?? 1;
  return {
    prompt: at('question'),
    'super-brief': at(DEPTH_SECTION['super-brief']),
    brief: at(DEPTH_SECTION.brief),
    detailed: at(DEPTH_SECTION.detailed),
    tips: at('interview tips'),
  };
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
