/**
 * `@leadforge/core/node`, loaded on first use: it brings the Parquet codec (WebAssembly),
 * which `--help`, `--version`, `list-recipes` and `completion` never need (≈0.3 s saved).
 */
export function loadCoreNode(): Promise<typeof import("@leadforge/core/node")> {
  return import("@leadforge/core/node");
}
