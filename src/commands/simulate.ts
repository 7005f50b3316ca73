// `prepdeck simulate` (placeholder; the simulator work fills this in).
import { UsageError } from '../errors.js';

export async function run(): Promise<void> {
  throw new UsageError('simulate is not built yet');
}
