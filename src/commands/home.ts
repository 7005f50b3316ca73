// `prepdeck` with no command. Until the home menu exists, print the help.
import type { Context } from '../context.js';

export async function run(_args: unknown, ctx: Context, help: () => Promise<string>): Promise<void> {
  ctx.stdout.write((await help()) + '\n');
}
