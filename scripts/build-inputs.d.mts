export declare const BUILD_STAMP: string;
export declare function newestInput(root: string): number;
export declare function builtAt(root: string): number | undefined;
export declare function isFresh(root: string): boolean;
