// House rule "files under ~400 lines, functions under ~60 lines": lists every file in src/ over
// FILE_LINES lines and every function (declaration, method, arrow or function expression,
// accessor) over FUNCTION_LINES lines, counted from its first line to its last.
// `npm run check:size` reports them; `--strict` also exits 1 when there is any (for CI once the
// tree is clean). Functions are found by TypeScript's own parser, so no regex guesses.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const FILE_LINES = 400;
export const FUNCTION_LINES = 60;
const ROOT = resolve(import.meta.dirname, '..');

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

/** A readable name for a function node: its own, its variable's or property's, else `(anonymous)`. */
function nameOf(node) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  if (node.name) return node.name.getText();
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name) return parent.name.getText();
  return '(anonymous)';
}

/** Files over FILE_LINES and functions over FUNCTION_LINES under `dir`, as { file, name, lines }. */
export function oversized(dir = join(ROOT, 'src')) {
  const found = [];
  for (const path of sources(dir)) {
    const text = readFileSync(path, 'utf8');
    const file = relative(ROOT, path);
    const fileLines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (fileLines > FILE_LINES) found.push({ file, name: null, lines: fileLines });
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = last - first + 1;
        if (lines > FUNCTION_LINES) found.push({ file: `${file}:${first + 1}`, name: nameOf(node), lines });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = oversized();
  for (const f of found) console.log(f.name === null ? `${f.file}: ${f.lines} lines (file over ${FILE_LINES})` : `${f.file}: ${f.name} ${f.lines} lines (function over ${FUNCTION_LINES})`);
  console.log(found.length === 0 ? 'Sizes: every file and function in src/ is within the house limits.' : `Sizes: ${found.length} over the house limits.`);
  if (process.argv.includes('--strict') && found.length > 0) process.exitCode = 1;
}
