// `prepdeck config [get|set] [key] [value]`: remembered settings (the answer depth; new cards a day).
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { DEPTHS } from '../content/model.js';
import { DEFAULT_NEW_PER_DAY } from '../cards/session.js';
import { setSettings, type Settings } from '../progress/model.js';
import { storeFor, type Deps } from './activity.js';
import { hang } from '../ui/text.js';
import { shellCommand } from '../content/sanitize.js';
import { checkOneOf, checkWholeNumber } from './flag-checks.js';

interface Key {
  name: string;
  describe: string;
  get: (s: Settings) => string;
  parse: (value: string) => Settings;
}

export const KEYS: Key[] = [
  {
    name: 'depth',
    describe: `answer depth for read, quiz and practice (${DEPTHS.join(' | ')}); --depth overrides it for one run`,
    get: (s) => s.depth ?? 'brief',
    parse: (value) => ({ depth: checkOneOf('depth', value, DEPTHS) }),
  },
  {
    name: 'new-per-day',
    describe: `new flashcards a day in practice (default ${DEFAULT_NEW_PER_DAY}); --new N overrides it for one session`,
    get: (s) => String(s.newPerDay ?? DEFAULT_NEW_PER_DAY),
    parse: (value) => ({ newPerDay: checkWholeNumber('new-per-day', value, 0, 1000) }),
  },
];

export interface ConfigArgs {
  action?: string;
  key?: string;
  value?: string;
}

function findKey(name: string | undefined): Key {
  const key = KEYS.find((k) => k.name === name);
  if (!key) throw new UsageError(`${name === undefined ? 'Missing setting name' : `Unknown setting '${name}'`}. Settings: ${KEYS.map((k) => k.name).join(', ')}.`);
  return key;
}

/** A friendly usage line: `config new-per-day 5` most likely meant `config set new-per-day 5`. */
export function unknownAction(action: string, args: ConfigArgs): string {
  const key = KEYS.find((k) => k.name === action);
  const usage = 'Usage: prepdeck config (list all) · prepdeck config get SETTING · prepdeck config set SETTING VALUE.';
  if (!key) return `'${action}' is not get or set. ${usage} Settings: ${KEYS.map((k) => k.name).join(', ')}.`;
  const value = args.key ?? 'VALUE';
  return `To change ${key.name}: prepdeck config set ${shellCommand([key.name, value])}. To see it: prepdeck config get ${key.name}.`;
}

export async function run(args: ConfigArgs, ctx: Context, deps: Deps = {}): Promise<void> {
  const action = args.action ?? 'list';
  const store = await storeFor(ctx, deps);
  switch (action) {
    case 'list': {
      const settings = store.read().settings;
      // Name and value, then what the setting does, wrapped beside them (or below, when narrow).
      for (const k of KEYS) ctx.stdout.write(hang(`${k.name.padEnd(12)} ${k.get(settings).padEnd(12)} `, ctx.stdout.c.dim(k.describe), ctx.stdout.columns) + '\n');
      return;
    }
    case 'get': {
      if (args.key === undefined) return run({ action: 'list' }, ctx, { ...deps, store });
      ctx.stdout.write(findKey(args.key).get(store.read().settings) + '\n');
      return;
    }
    case 'set': {
      const key = findKey(args.key);
      if (args.value === undefined) throw new UsageError(`Missing value: prepdeck config set ${key.name} <value>.`);
      const patch = key.parse(String(args.value));
      const saved = store.update((doc) => setSettings(doc, patch));
      ctx.stdout.write(`${key.name} = ${key.get(saved.settings)}\n`);
      return;
    }
    default:
      throw new UsageError(unknownAction(action, args));
  }
}
