// A process that records answers through the store until it is killed; prints "ready" once a few
// are saved. For the kill -9 test. Usage: node endless-writer.mjs <home> <name>
import { openStore } from '../../../src/progress/store.js';
import { addQuizAnswer } from '../../../src/progress/model.js';

const [home, name] = process.argv.slice(2) as [string, string];
const store = await openStore({ env: { PREPDECK_HOME: home }, now: () => new Date(), warn: (l) => process.stderr.write(l + '\n') });
for (let i = 0; ; i++) {
  const at = new Date().toISOString();
  store.update((doc) => addQuizAnswer(doc, { id: `${name}-${i}`, at, attempt: name, scope: 'all', deck: 'd', question: 'q', key: `q/${name}-${i}`, correct: true }));
  if (i === 3) process.stdout.write('ready\n');
}
