#!/usr/bin/env node
// Node 22.1+ keeps the compiled bundle on disk, so repeated runs skip compiling it; Node 20 has no
// compile cache (the call is skipped). Imported after it, so that the bundle is compiled through it.
import module from 'node:module';

module.enableCompileCache?.();
await import('../dist/main.js');
