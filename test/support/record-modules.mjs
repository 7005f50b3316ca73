// `node --import ./record-modules.mjs …`: appends the URL of every module the program loads to the
// file named by PREPDECK_RECORD_MODULES, one per line (for test/e2e/start-up-modules.test.ts).
import { register } from 'node:module';

register('./record-modules-hooks.mjs', import.meta.url, { data: { file: process.env.PREPDECK_RECORD_MODULES } });
