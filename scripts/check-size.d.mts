export declare const FILE_LINES: number;
export declare const FUNCTION_LINES: number;
/** Files over FILE_LINES and functions over FUNCTION_LINES under `dir` (default src/); `name` is null for a file. */
export declare function oversized(dir?: string): { file: string; name: string | null; lines: number }[];
