import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const CONDITIONS = ["node", "import", "default"];

function pickTarget(entry: unknown): string | undefined {
  if (typeof entry === "string") return entry;
  if (Array.isArray(entry)) {
    for (const e of entry) {
      const t = pickTarget(e);
      if (t) return t;
    }
    return undefined;
  }
  if (typeof entry === "object" && entry !== null) {
    const rec = entry as Record<string, unknown>;
    for (const c of Object.keys(rec)) {
      if (CONDITIONS.includes(c)) {
        const t = pickTarget(rec[c]);
        if (t) return t;
      }
    }
  }
  return undefined;
}

function esmEntry(pkgDir: string): string | undefined {
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as {
    exports?: unknown;
    main?: string;
  };
  let target: string | undefined;
  if (pkg.exports !== undefined) {
    const exp = pkg.exports as Record<string, unknown>;
    const root =
      typeof exp === "object" && exp !== null && !Array.isArray(exp) && "." in exp
        ? exp["."]
        : pkg.exports;
    target = pickTarget(root);
  } else {
    target = pkg.main ?? "index.js";
  }
  return target ? join(pkgDir, target) : undefined;
}

/**
 * Resolve a package's entry file as seen from a project folder: the nearest
 * `node_modules/<name>` from `cwd` upwards, then its `exports["."]` target for the `node` /
 * `import` / `default` conditions (or `main`). Like ESM `import`, and unlike `require`, it
 * ignores NODE_PATH, so a package is found only where the user installed it. Returns
 * undefined when the package is not installed there.
 */
export function resolveFromProject(packageName: string, cwd: string): string | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const pkgDir = join(dir, "node_modules", packageName);
    if (existsSync(join(pkgDir, "package.json"))) return esmEntry(pkgDir);
    if (dirname(dir) === dir) return undefined;
  }
}
