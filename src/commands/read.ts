// `prepdeck read <question>` (alias `explain`): the question and its answer at a chosen depth.
import type { Context } from '../context.js';
import { contentFlags, libraryFor } from '../content/library.js';
import { resolveQuestion } from '../content/lookup.js';
import { DEPTHS, type Depth } from '../content/model.js';
import { readSettings } from '../progress/store.js';

export interface ReadArgs {
  question: string;
  depth?: Depth | 'all';
  json?: boolean;
  content?: unknown;
}

export function depthsFor(depth: Depth | 'all'): Depth[] {
  return depth === 'all' ? [...DEPTHS] : [depth];
}

export async function run(args: ReadArgs, ctx: Context): Promise<void> {
  const q = resolveQuestion(String(args.question), await libraryFor(args, ctx));
  const depths = depthsFor(args.depth ?? readSettings(ctx.env).depth ?? 'brief');
  const { answerJson, answerTexts, renderAnswer } = await import('../ui/answer-render.js');
  if (args.json) {
    ctx.stdout.write(JSON.stringify(answerJson(q, depths), null, 2) + '\n');
    return;
  }
  // Built-in answers were rendered at build time: marked loads only for other texts.
  const { markdownRenderer } = await import('../ui/markdown-loader.js');
  const md = await markdownRenderer(answerTexts(q, depths), ctx.stdout);
  ctx.stdout.write(renderAnswer(q, depths, ctx.stdout, md, contentFlags(args)));
}
