// Text helpers shared by the importer and the derivation of cards and quiz items. Pure.

/** Curly quotes, ellipses and odd spaces to plain ASCII; dashes stay (they read well in a terminal). */
export function normalizePunctuation(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/\u2026/g, '...')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u200B\u2060]/g, '');
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Characters Markdown would read as syntax, escaped so that imported prose renders as written. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#|&~]/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)(\d+)([.)])(\s)/, '$1$2\\$3$4')
    .replace(/^(\s*)([-+=])(\s|$)/, '$1\\$2$3');
}
