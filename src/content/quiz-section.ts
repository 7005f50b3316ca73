// The `# Quiz` section: `## item-id (single|multi|true-false)`, prompt, `- [x]` options, `Explanation:`.
import type { Problem } from '../errors.js';
import { type Block, joinText, type Line } from './blocks.js';
import { QUIZ_TYPES, type QuizItem, type QuizOption, type QuizType } from './model.js';
import { type At, parseEntries } from './subsections.js';

const HEADING = /^([a-z0-9][a-z0-9-]*)\s+\((single|multi|true-false)\)$/;
const OPTION = /^[-*]\s+\[( |x|X)\]\s+(.*)$/;
const EXPLANATION = /^Explanation:\s*(.*)$/;

export function parseQuiz(section: Block, questionId: string, file: string): { items: QuizItem[]; problems: Problem[] } {
  const { entries, problems } = parseEntries(section, questionId, file, {
    stray: "text before the first quiz item: start each item with '## item-id (single|multi|true-false)'",
    heading: (heading) => {
      const m = HEADING.exec(heading);
      return m ? { id: m[1]!, type: m[2] as QuizType } : `quiz item heading must look like '## item-id (${QUIZ_TYPES.join('|')})', got '## ${heading}'`;
    },
    duplicate: (id) => `duplicate quiz item id '${id}'`,
    entry: (block, { id, type }, at) => parseItem(block, id, type, at),
  });
  return { items: entries, problems };
}

function parseItem(block: Block, id: string, type: QuizType, at: At): Omit<QuizItem, 'key'> | undefined {
  const prompt: Line[] = [];
  const options: (QuizOption & { line: number })[] = [];
  const explanation: Line[] = [];
  let phase: 'prompt' | 'options' | 'after' | 'explanation' = 'prompt';
  let ok = true;
  for (const line of block.body) {
    const opt = OPTION.exec(line.text);
    const exp = EXPLANATION.exec(line.text);
    if (phase === 'explanation') {
      explanation.push(line);
    } else if (exp) {
      phase = 'explanation';
      explanation.push({ n: line.n, text: exp[1]! });
    } else if (opt) {
      if (phase === 'after') {
        at(line.n, `quiz item '${id}': options must be consecutive lines`);
        ok = false;
      }
      phase = 'options';
      options.push({ text: opt[2]!.trim(), correct: opt[1] !== ' ', line: line.n });
    } else if (phase === 'options') {
      if (line.text.trim() !== '') phase = 'after';
      if (line.text.trim() !== '') {
        at(line.n, `quiz item '${id}': unexpected text after the options (expected 'Explanation:')`);
        ok = false;
      }
    } else if (phase === 'prompt') {
      prompt.push(line);
    }
  }

  const promptText = joinText(prompt);
  const explanationText = joinText(explanation);
  const correct = options.filter((o) => o.correct).length;
  if (!promptText) at(block.line, `quiz item '${id}': the prompt is empty`);
  if (options.length < 2) at(block.line, `quiz item '${id}': needs at least two '- [ ]' options`);
  else if (correct === 0) at(block.line, `quiz item '${id}': no option is marked right with '- [x]'`);
  else if (type !== 'multi' && correct > 1) at(block.line, `quiz item '${id}': a ${type} item has exactly one right option, found ${correct}`);
  if (type === 'true-false' && options.length >= 2) {
    const texts = options.map((o) => o.text.toLowerCase()).sort();
    if (texts.length !== 2 || texts[0] !== 'false' || texts[1] !== 'true') {
      at(options[0]!.line, `quiz item '${id}': true-false options must be exactly 'True' and 'False'`);
    }
  }
  const texts = new Set<string>();
  for (const o of options) {
    if (!o.text) at(o.line, `quiz item '${id}': empty option`);
    if (texts.has(o.text.toLowerCase())) at(o.line, `quiz item '${id}': duplicate option '${o.text}'`);
    texts.add(o.text.toLowerCase());
  }
  if (!explanationText) at(block.line, `quiz item '${id}': missing 'Explanation:' (say why the answer is right)`);
  if (!ok || !promptText || options.length < 2 || correct === 0 || !explanationText) return undefined;
  return { id, type, prompt: promptText, options: options.map(({ text, correct }) => ({ text, correct })), explanation: explanationText, line: block.line };
}
