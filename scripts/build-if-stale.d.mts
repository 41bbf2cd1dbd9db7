/** Types of build-if-stale.mjs, for the tests that import it. */
export declare const ROOT: string;
export declare function stampOfSources(root?: string, sources?: readonly string[]): string;
export declare function buildIfStale(opts?: {
  root?: string;
  sources?: readonly string[];
  allowTypeErrors?: boolean;
  build?: () => void;
}): 'built' | 'fresh';
