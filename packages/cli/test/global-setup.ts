// Build the CLI and everything it depends on (core, the schemes) once before the tests, which
// run the built binary as a subprocess. Skipped when every dist entry is newer than every
// source file of those packages (e.g. right after `pnpm build`), or with
// LEADFORGE_CLI_SKIP_BUILD=1.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./helpers.js";

const PACKAGES = ["core", "scheme-lead-scoring", "scheme-lifecycle", "cli"];
const OUTPUTS = [
  "core/dist/index.js",
  "core/dist/node/index.js",
  "scheme-lead-scoring/dist/index.js",
  "scheme-lifecycle/dist/index.js",
  "cli/dist/bin.js",
  "cli/dist/index.js",
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function buildIsFresh(): boolean {
  const outputs = OUTPUTS.map((p) => join(REPO_ROOT, "packages", p));
  if (!outputs.every((p) => existsSync(p))) return false;
  const oldestOutput = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  const newestSource = Math.max(
    ...PACKAGES.flatMap((p) =>
      ["src", "package.json", "tsup.config.ts"].map((f) =>
        newestMtime(join(REPO_ROOT, "packages", p, f)),
      ),
    ),
  );
  return oldestOutput > newestSource;
}

/** Vitest global setup. */
export function setup(): void {
  if (
    process.env.LEADFORGE_CLI_SKIP_BUILD === "1" &&
    existsSync(join(REPO_ROOT, "packages/cli/dist/bin.js"))
  )
    return;
  if (buildIsFresh()) return;
  execFileSync("pnpm", ["--filter", "@leadforge/cli...", "build"], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
  });
}
