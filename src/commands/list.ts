// `prepdeck list`: decks and questions, numbered as `read` accepts them.
import type { Context } from '../context.js';
import { libraryFor } from '../content/library.js';
import { NotFoundError } from '../errors.js';
import { listJson, renderList } from '../ui/list-render.js';

export async function run(args: { deck?: string; json?: boolean; content?: unknown }, ctx: Context): Promise<void> {
  const all = await libraryFor(args, ctx);
  const numbered = all.map((q, i) => ({ n: i + 1, q }));
  const shown = args.deck ? numbered.filter(({ q }) => q.deck === args.deck) : numbered;
  if (args.deck && shown.length === 0) {
    const decks = [...new Set(all.map((q) => q.deck))].join(', ');
    throw new NotFoundError(`No deck '${args.deck}'. Decks: ${decks || '(none)'}`);
  }
  ctx.stdout.write(args.json ? JSON.stringify(listJson(shown), null, 2) + '\n' : renderList(shown, ctx.stdout));
}
