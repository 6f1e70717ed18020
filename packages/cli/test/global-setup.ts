// Build the CLI and everything it depends on (core, the schemes) once before the tests, which
// run the built binary as a subprocess. LEADFORGE_CLI_SKIP_BUILD=1 skips it when the caller
// has just built (e.g. `pnpm test` builds first).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { BIN, REPO_ROOT } from "./helpers.js";

/** Vitest global setup. */
export function setup(): void {
  if (process.env.LEADFORGE_CLI_SKIP_BUILD === "1" && existsSync(BIN)) return;
  execFileSync("pnpm", ["--filter", "@leadforge/cli...", "build"], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
  });
}
