// `generate --workers N`: any thread count gives the same bytes; a bad count is a usage error.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTmp, runCliBin } from "./helpers.js";

const dir = makeTmp("leadforge-workers-");
const run = (args: string[]) => runCliBin(args, { cwd: dir });
const files = (out: string) =>
  JSON.parse(readFileSync(join(dir, out, "manifest.json"), "utf8")).files;

describe("generate --workers", () => {
  it("writes the same bundle with 1 and 3 threads", () => {
    const base = ["generate", "--recipe", "b2b_saas_procurement_v1", "--n-leads", "400", "--quiet"];
    expect(run([...base, "--workers", "1", "--out", "w1"]).code).toBe(0);
    expect(run([...base, "--workers", "3", "--out", "w3"]).code).toBe(0);
    expect(files("w3")).toEqual(files("w1"));
  });

  it("refuses a thread count below 1 with exit 2 naming the flag", () => {
    const r = run([
      "generate",
      "--recipe",
      "b2b_saas_procurement_v1",
      "--workers",
      "0",
      "--out",
      "w0",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--workers/);
  });
});
