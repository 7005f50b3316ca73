// Stand-in for cli-highlight inside the bundle: code blocks are printed as they are.
// highlight.js costs ~200 ms at start-up for colouring we do not need.
export function highlight(code: string): string {
  return code;
}
