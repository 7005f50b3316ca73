// What a command handler is given: streams, environment and clock.
// Handlers never reach for process.* or Date directly, so tests can drive them.
import type { Output } from './ui/terminal.js';

export interface Context {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly env: Record<string, string | undefined>;
  /** True when both stdin and stdout are terminals: prompts are possible. */
  readonly interactive: boolean;
  readonly now: () => Date;
}
