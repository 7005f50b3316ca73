// Front matter: YAML (the `yaml` package never executes code) checked by a valibot schema.
import * as v from 'valibot';
import { parseDocument } from 'yaml';
import { type FrontMatter, LEVELS } from './model.js';
import { sanitizeText } from './sanitize.js';
import type { Problem } from '../errors.js';
import { linkedRun } from '../sim/linked.js';

/** Alias expansions allowed while turning the YAML into values (the yaml package's default). */
const MAX_ALIAS_COUNT = 100;

const slug = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes'));

// Strict: a key the schema does not know is a problem (a misspelt `relatd:` would otherwise be dropped).
export const FrontMatterSchema = v.strictObject({
  id: slug,
  deck: slug,
  title: v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty')),
  level: v.picklist(LEVELS, `must be one of ${LEVELS.join(', ')}`),
  tags: v.pipe(v.array(v.pipe(v.string(), v.nonEmpty('tags must not be empty'))), v.minLength(1, 'needs at least one tag')),
  order: v.optional(v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more'))),
  related: v.optional(v.array(slug), []),
  source: v.optional(v.string()),
  'key-points': v.optional(v.array(v.pipe(v.string(), v.trim(), v.nonEmpty('key points must not be empty')))),
  simulate: v.optional(v.pipe(v.string(), v.regex(/^--[a-z]/, "must be the flags of a 'prepdeck simulate' command, e.g. '--scenario seed-example'"))),
});

function cleanStrings(value: unknown): unknown {
  if (typeof value === 'string') return sanitizeText(value);
  if (Array.isArray(value)) return value.map(cleanStrings);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [sanitizeText(k), cleanStrings(v)]));
  return value;
}

export interface FrontMatterResult {
  data?: FrontMatter;
  /** 1-based line in the file of each top-level key. */
  keyLines: Record<string, number>;
  problems: Problem[];
}

/**
 * Parse the YAML between the `---` lines. `firstLine` is the file line of the YAML's first line,
 * so that problems point into the file.
 */
export function parseFrontMatter(yamlText: string, file: string, firstLine: number): FrontMatterResult {
  const keyLines: Record<string, number> = {};
  const lines = yamlText.split('\n');
  lines.forEach((l, i) => {
    const m = /^([A-Za-z_][\w-]*)\s*:/.exec(l);
    if (m && keyLines[m[1]!] === undefined) keyLines[m[1]!] = firstLine + i;
  });

  const doc = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      keyLines,
      problems: doc.errors.map((e) => ({
        file,
        line: firstLine - 1 + (e.linePos?.[0]?.line ?? 1),
        // prettyErrors gives linePos; the message's own " at line N, column M" is dropped for file:line.
        message: `front matter: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
    };
  }
  let js: unknown;
  try {
    // The yaml package refuses alias bombs (anchors expanded exponentially) with a ReferenceError.
    js = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const why = err instanceof ReferenceError ? `too many YAML aliases (at most ${MAX_ALIAS_COUNT} expansions)` : 'it could not be read as YAML';
    return { keyLines, problems: [{ file, line: firstLine - 1, message: `front matter: ${why}` }] };
  }
  // The YAML's own escapes (\e, \x1b, \u001b) produce control characters after parsing: clean again.
  const raw: unknown = cleanStrings(js);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { keyLines, problems: [{ file, line: firstLine - 1, message: 'front matter must be a YAML mapping (key: value lines)' }] };
  }
  const result = v.safeParse(FrontMatterSchema, raw);
  if (result.success) {
    const data = result.output as FrontMatter;
    const simulate = data.simulate === undefined ? undefined : checkSimulate(data.simulate);
    if (simulate) return { keyLines, problems: [{ file, line: keyLines.simulate ?? firstLine - 1, message: `front matter: 'simulate': ${simulate}` }] };
    return { data, keyLines, problems: [] };
  }

  const problems = result.issues.map((issue) => {
    const key = issue.path?.[0]?.key;
    const name = typeof key === 'string' ? key : undefined;
    const line = (name && keyLines[name]) || firstLine - 1;
    const what = name ? (issue.path!.length > 1 ? `'${name}' item` : `'${name}'`) : 'front matter';
    const message =
      issue.kind === 'schema' && issue.expected === 'never'
        ? `front matter: unknown key '${String(key)}' (known keys: ${Object.keys(FrontMatterSchema.entries).join(', ')})`
        : issue.input === undefined && name && issue.path!.length === 1
          ? `front matter: missing required key '${name}'`
          : `front matter: ${what}: ${issue.message.replace(/^Invalid \w+: /, '')}`;
    return { file, line, message };
  });
  return { keyLines, problems };
}

/**
 * Why the `simulate:` flags would not run (the simulator's own rules, plus the limits on a run
 * started from a question), or undefined when they are fine. It is printed as a command to copy and
 * the menu runs it, so nothing else may pass.
 */
function checkSimulate(flags: string): string | undefined {
  const linked = linkedRun(flags);
  return linked.ok ? undefined : linked.problem.replace(/\.$/, '');
}
