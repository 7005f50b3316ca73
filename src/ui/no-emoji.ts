// Stand-in for node-emoji inside the bundle: prepdeck renders with `emoji: false`.
export function get(_name: string): string | undefined {
  return undefined;
}
