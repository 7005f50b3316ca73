// The one wording of a bad flag value, shared by the command layer's checks (commands/flag-checks.ts)
// and the simulator's plan parser (sim/), which also reads a question's `simulate:` field: both
// say `--flag must be WHAT; got 'TYPED'.`, quoting the value as it was typed. Sanitising is the
// printer's job (error-output.ts, content validation), so this stays a plain string function.

/** `NAME must be WHAT; got 'TYPED'.` — WHAT says what would be accepted (with an example where one helps). */
export function mustBe(name: string, what: string, typed: unknown): string {
  return `${name} must be ${what}; got '${String(typed)}'.`;
}
