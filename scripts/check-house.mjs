// House rules that ESLint cannot see, run by `npm run lint`:
// - nothing in src/, test/ or scripts/ reads outside the repository (a path into the sibling
//   "shared" folder works on one machine and fails in every clone);
// - no import cycle between the folders of src/ (type-only imports included: a cycle of types is
//   still two folders that cannot be understood apart). Which folder may import which is ESLint's
//   (eslint.config.js); this catches the cycles a list of allowed imports cannot.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const CODE = /\.(?:[cm]?[jt]s)$/;
// Spelt in two parts so that this file does not match itself.
const OUTSIDE = new RegExp(['\\.\\.', 'shared'].join('[\\\\/]'));

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (CODE.test(entry.name)) yield path;
  }
}

const problems = [];
for (const top of ['src', 'test', 'scripts']) {
  for (const file of files(join(ROOT, top))) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (OUTSIDE.test(line)) problems.push(`${relative(ROOT, file)}:${i + 1}: reads outside the repository (${line.trim()})`);
      });
  }
}

/** Folder of a file under src/ ('.' for src/ itself). */
const folderOf = (file) => relative(join(ROOT, 'src'), dirname(file)).split(sep)[0] || '.';

/** Edges folder -> folder, each with one file:line that makes it, from every relative import. */
function folderGraph() {
  const edges = new Map();
  const IMPORT = /(?:^|\s)(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g;
  for (const file of files(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const from = folderOf(file);
      const to = folderOf(resolve(dirname(file), m[1] ?? m[2]));
      if (from === to || from === '.' || to === '.') continue;
      if (!edges.has(from)) edges.set(from, new Map());
      const line = text.slice(0, m.index + m[0].search(/\S/)).split('\n').length;
      if (!edges.get(from).has(to)) edges.get(from).set(to, `${relative(ROOT, file)}:${line}`);
    }
  }
  return edges;
}

/** Every folder cycle, as a path a -> b -> ... -> a (one per strongly connected group). */
function folderCycles(edges) {
  const cycles = [];
  const seen = new Set();
  for (const start of edges.keys()) {
    if (seen.has(start)) continue;
    // Depth-first search for a path back to `start`.
    const stack = [[start, [start]]];
    const visited = new Set();
    while (stack.length > 0) {
      const [node, path] = stack.pop();
      for (const next of edges.get(node)?.keys() ?? []) {
        if (next === start) {
          cycles.push(path.concat(start));
          for (const n of path) seen.add(n);
          stack.length = 0;
          break;
        }
        if (!visited.has(next)) {
          visited.add(next);
          stack.push([next, path.concat(next)]);
        }
      }
    }
  }
  return cycles;
}

const graph = folderGraph();
for (const cycle of folderCycles(graph)) {
  const where = cycle.slice(1).map((to, i) => `  ${cycle[i]} -> ${to} (${graph.get(cycle[i]).get(to)})`);
  problems.push(`import cycle between src folders: ${cycle.join(' -> ')}\n${where.join('\n')}`);
}

if (problems.length > 0) {
  for (const p of problems) console.error(p);
  process.exitCode = 1;
}
