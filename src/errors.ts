// The one family of errors a user can cause. Anything else that escapes is a bug (exit 1, stack).

export const ExitCode = {
  ok: 0,
  internal: 1,
  usage: 2,
  notFound: 3,
  invalidContent: 4,
  interrupted: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad command, flag or value; an interactive command without a terminal. Exit 2. */
export class UsageError extends UserError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

/** A question, deck or file that does not exist (or a reference that matches several). Exit 3. */
export class NotFoundError extends UserError {
  constructor(message: string) {
    super(message, ExitCode.notFound);
  }
}

/** One located problem in a content or data file. */
export interface Problem {
  file: string;
  line: number;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

/** Invalid content or data file; carries every problem found, each with file and line. Exit 4. */
export class ContentError extends UserError {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'), ExitCode.invalidContent);
  }
}

/** Ctrl+C at a prompt: progress is already saved; the message is the one-line goodbye. Exit 130. */
export class InterruptedError extends UserError {
  constructor(message = 'Interrupted.') {
    super(message, ExitCode.interrupted);
  }
}
