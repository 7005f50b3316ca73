// Ordering strings by code point. String#localeCompare would load ICU's collation data on first use
// (~15-20 ms at start-up); ids, file names and ISO timestamps need no locale, and titles in content
// order only as a tie-break.
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
