// `npm run check:size` finds files over 400 lines and functions over 60 (whatever their form).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FILE_LINES, FUNCTION_LINES, oversized } from '../../../scripts/check-size.mjs';
import { tempDir } from '../../support/cli.js';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');

it('lists long functions of every form and long files; short ones pass', () => {
  const src = join(dir.path, 'src');
  mkdirSync(join(src, 'deep'), { recursive: true });
  // A function of FUNCTION_LINES lines exactly (header + body + closing brace) is within the limit.
  writeFileSync(join(src, 'ok.ts'), `export function fits(): void {\n${body(FUNCTION_LINES - 2)}\n}\n`);
  writeFileSync(
    join(src, 'deep', 'long.ts'),
    [
      `export function declared(): void {\n${body(FUNCTION_LINES - 1)}\n}`,
      `export const arrow = (): void => {\n${body(FUNCTION_LINES)}\n};`,
      `export class K {\n  method(): void {\n${body(FUNCTION_LINES)}\n  }\n}`,
    ].join('\n') + '\n',
  );
  writeFileSync(join(src, 'big.ts'), Array.from({ length: FILE_LINES + 1 }, (_, i) => `export const c${i} = ${i};`).join('\n') + '\n');
  const found = oversized(src).map((f) => `${f.file.split('src/')[1]} ${f.name ?? 'file'} ${f.lines}`);
  expect(found).toHaveLength(4);
  expect(found).toEqual(
    expect.arrayContaining([`big.ts file ${FILE_LINES + 1}`, `deep/long.ts:1 declared ${FUNCTION_LINES + 1}`, expect.stringMatching(/^deep\/long\.ts:\d+ arrow /), expect.stringMatching(/^deep\/long\.ts:\d+ method /)]),
  );
});
