// Flags of `prepdeck simulate` (placeholder; the simulator work fills this in).
import type { Argv } from 'yargs';

export function simulateFlags(y: Argv): Argv {
  return y;
}
