// `prepdeck read <question>` (alias `explain`): the question and its answer at a chosen depth.
import type { Context } from '../context.js';
import { libraryFor } from '../content/library.js';
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
  const { answerJson, renderAnswer } = await import('../ui/answer-render.js');
  ctx.stdout.write(args.json ? JSON.stringify(answerJson(q, depths), null, 2) + '\n' : renderAnswer(q, depths, ctx.stdout));
}
