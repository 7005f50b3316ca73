// House rules that ESLint cannot see, run by `npm run lint`:
// - nothing in src/, test/ or scripts/ reads outside the repository (a path into the sibling
//   "shared" folder works on one machine and fails in every clone).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

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

if (problems.length > 0) {
  for (const p of problems) console.error(p);
  process.exitCode = 1;
}
