// A separate process that records answers through the store, for the parallel-writers test.
// Usage: node writer.mjs <home> <name> <count>
import { openStore } from '../../../src/progress/store.js';
import { addQuizAnswer } from '../../../src/progress/model.js';

const [home, name, count] = process.argv.slice(2) as [string, string, string];
const store = await openStore({ env: { PREPDECK_HOME: home }, now: () => new Date(), warn: (l) => process.stderr.write(l + '\n') });
for (let i = 0; i < Number(count); i++) {
  const at = new Date().toISOString();
  store.update((doc) => addQuizAnswer(doc, { id: `${name}-${i}`, at, attempt: name, scope: 'all', deck: 'd', question: 'q', key: `q/${name}-${i}`, correct: i % 2 === 0 }));
}
