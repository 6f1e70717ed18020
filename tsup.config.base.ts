import type { Options } from "tsup";

/** Shared tsup options: ESM only, declarations, no code splitting. */
export const baseConfig: Options = {
  format: ["esm"],
  dts: { compilerOptions: { customConditions: [] } },
  clean: true,
  sourcemap: true,
  target: "node20",
  splitting: false,
  platform: "node",
};
