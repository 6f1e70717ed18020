import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly peerDependencies?: Readonly<Record<string, string>>;
}

let cached: PackageJson | undefined;

/**
 * The CLI's own package.json, read at run time (not bundled) so a published CLI reports the
 * peer ranges its registry tarball declares rather than the `workspace:` ones it was built with.
 */
export function cliPackage(): PackageJson {
  cached ??= JSON.parse(
    readFileSync(new URL("../package.json", import.meta.url), "utf8"),
  ) as PackageJson;
  return cached;
}

/** The installed `@leadforge/core` version (the copy the CLI itself imports). */
export function coreVersion(): string {
  const require = createRequire(import.meta.url);
  return (require("@leadforge/core/package.json") as PackageJson).version;
}

/**
 * The version range of `packageName` that this CLI declares as a peer, or undefined when any
 * version will do. In a workspace checkout `workspace:^` is shown as `^<cli version>` (all
 * packages start in step); a published CLI carries concrete ranges.
 */
export function peerRange(packageName: string): string | undefined {
  const pkg = cliPackage();
  const range = pkg.peerDependencies?.[packageName];
  if (range === undefined) return undefined;
  const rest = range.startsWith("workspace:") ? range.slice("workspace:".length) : range;
  if (rest === "*" || rest === "") return undefined;
  if (rest === "^" || rest === "~") return `${rest}${pkg.version}`;
  // Scheme peers are open-ended (any version speaking the scheme protocol works; that is
  // checked at load time), so the hint installs the latest rather than a `>=` range.
  if (/^>=\s*[\d.]+$/.test(rest)) return undefined;
  return rest;
}
