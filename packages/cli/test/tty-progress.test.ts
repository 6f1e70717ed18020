// The progress display end to end: under a pseudo-terminal (util-linux `script`) generate
// draws stage lines on stderr; with --json it stays silent. Skipped where `script` is absent.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BIN, makeTmp } from "./helpers.js";

const ERASE = `${String.fromCharCode(27)}[2K`;
const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;

function inTty(args: string): string {
  const cwd = makeTmp();
  const r = spawnSync("script", ["-qec", `${process.execPath} ${BIN} ${args}`, "/dev/null"], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, COLUMNS: "120" },
    timeout: 120_000,
  });
  expect(r.status).toBe(0);
  return r.stdout;
}

describe.skipIf(!hasScript)("progress on a terminal", () => {
  it("shows stages with counts while generating and writing, then the summary", () => {
    // Make the redraw sequence ("\r" + erase line) visible to plain regular expressions.
    const out = inTty("generate -r b2b_saas_ltv_v1 --n-customers 200 --out t").replaceAll(
      `\r${ERASE}`,
      "<redraw>",
    );
    expect(out).toMatch(/<redraw>simulate\s+\d[\d,]*\/200 customers \(\d+%\)/);
    expect(out).toMatch(/<redraw>write\s+\d+ files, [\d.]+ (B|kB|MB)/);
    expect(out).toContain("Bundle written to ./t");
  });

  it("is silent with --json and --quiet even on a terminal", () => {
    expect(inTty("generate -r b2b_saas_ltv_v1 --n-customers 100 --out j --json")).not.toContain(
      "\x1b[2K",
    );
    expect(inTty("generate -r b2b_saas_ltv_v1 --n-customers 100 --out q --quiet")).toBe("");
  });
});
