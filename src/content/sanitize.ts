// Untrusted text must not be able to drive the terminal: content, and every file name, argument
// and other program's output that prepdeck prints. Removes ANSI escape sequences (CSI, OSC,
// single-character escapes), every other control character but tab and newline, and the
// bidirectional-text controls that can make a line read differently from what it holds.

const ESCAPE_SEQUENCES =
  // eslint-disable-next-line no-control-regex
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;
// C0 and C1 controls but tab and newline; the bidi marks, embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Normalise line ends (CRLF, CR) to LF and strip the BOM, escapes and control characters. */
export function sanitizeText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(ESCAPE_SEQUENCES, '')
    .replace(CONTROL, '');
}

/** Sanitised, on one line: for a file name, an argument or another program's output inside a message. */
export function sanitizeInline(text: string): string {
  return sanitizeText(text).replace(/[\n\t]+/g, ' ');
}

/** A file name or argument inside a message: sanitised, in single quotes. */
export function quoteForDisplay(text: string): string {
  return `'${sanitizeInline(text)}'`;
}

// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * One argument of a command printed for copying, quoted for a POSIX shell: as is when it is only
 * safe characters, else in single quotes. An argument holding control or bidi characters is written
 * as $'…' with escapes (bash, zsh, ksh), so that it is shown without reaching the terminal raw and
 * still means exactly that argument.
 */
export function shellQuote(arg: string): string {
  if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  if (!UNPRINTABLE.test(arg)) return `'${arg.replace(/'/g, `'\\''`)}'`;
  const escaped = [...arg]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if (ch === "'" || ch === '\\') return '\\' + ch;
      if (!UNPRINTABLE.test(ch)) return ch;
      return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    })
    .join('');
  return `$'${escaped}'`;
}

/** A command line for copying: each argument shell-quoted. */
export function shellCommand(args: readonly string[]): string {
  return args.map(shellQuote).join(' ');
}
