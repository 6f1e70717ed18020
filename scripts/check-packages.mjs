// Packaging gate: publint and @arethetypeswrong/cli (ESM-only profile) on every built
// package. Run after `pnpm build`. Exits non-zero if any package fails.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const bin = (name) => join(root, "node_modules", ".bin", name);
let failed = 0;
for (const dir of readdirSync(join(root, "packages")).sort()) {
  const cwd = join(root, "packages", dir);
  for (const [tool, args] of [
    ["publint", ["--strict"]],
    ["attw", ["--pack", ".", "--profile", "esm-only", "--format", "table-flipped"]],
  ]) {
    try {
      execFileSync(bin(tool), args, { cwd, stdio: "pipe", encoding: "utf8" });
      console.log(`ok   ${tool.padEnd(8)} packages/${dir}`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${tool.padEnd(8)} packages/${dir}\n${e.stdout ?? ""}${e.stderr ?? ""}`);
    }
  }
}
process.exit(failed > 0 ? 1 : 0);
