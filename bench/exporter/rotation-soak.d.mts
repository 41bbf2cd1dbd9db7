/** Types of rotation-soak.mjs, for the test that runs a short soak. */
export interface SoakResult {
  readonly kills: number;
  readonly startupKills: number;
  readonly lines: number;
  readonly badLines: number;
  readonly scrapes: number;
  readonly compared: number;
  readonly mismatches: readonly string[];
  readonly decreases: readonly string[];
  readonly renames: { readonly single: number; readonly glob: number };
  readonly renamesWhileDown: { readonly single: number; readonly glob: number };
  readonly copytruncates: { readonly single: number; readonly glob: number };
  readonly counted: Readonly<Record<"single" | "glob", { readonly rotations?: number; readonly truncations?: number }>>;
  readonly exact: boolean;
  readonly monotonic: boolean;
  readonly seconds: number;
}
export function runSoak(opts: { kills: number; seed?: number; log?: (s: string) => void }): Promise<SoakResult>;
