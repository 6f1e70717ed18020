// `validate` as a front end over core's validateBundle: on toy bundles (checks fully under
// this package's control) and on a real lifecycle bundle with its scheme's own checks.
import { appendFileSync, cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { makeTmp, makeToyProject, runCliBin, TOY_ENV } from "./helpers.js";

let dir: string;
const run = (args: string[]) => runCliBin(args, { cwd: dir, env: TOY_ENV });

beforeAll(() => {
  dir = makeToyProject();
  for (const out of ["ok", "tampered"]) {
    const r = run(["generate", "-r", "toy_recipe_v1", "--n-customers", "300", "--out", out, "-q"]);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  appendFileSync(join(dir, "tampered/dataset_card.md"), "\nedited\n");
  writeFileSync(join(dir, "tampered/extra.txt"), "x");
});

describe("validate", () => {
  it("a fresh bundle passes: exit 0, findings and a PASS line", () => {
    const r = run(["validate", "ok"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Bundle: ok\n/);
    expect(r.stdout).toMatch(/PASS: 0 error\(s\)/);
  });

  it("--json parses and says ok", () => {
    const r = run(["validate", "ok", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ ok: true, strict: false, counts: { error: 0 } });
    expect(Array.isArray(j.findings)).toBe(true);
  });

  it("--strict makes warnings fail", () => {
    const r = run(["validate", "ok", "--strict", "--json"]);
    const j = JSON.parse(r.stdout);
    expect(j.strict).toBe(true);
    expect(j.ok).toBe(j.counts.warning === 0);
    expect(r.code).toBe(j.counts.warning === 0 ? 0 : 1);
  });

  it("an edited and an extra file fail with exit 1 and name the files", () => {
    const r = run(["validate", "tampered"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ERROR\s+\[hash_mismatch\].*dataset_card\.md/);
    expect(r.stdout).toMatch(/ERROR\s+\[file_unlisted\].*extra\.txt/);
    expect(r.stdout).toMatch(/FAIL: \d+ error\(s\)/);
    const j = JSON.parse(run(["validate", "tampered", "--json"]).stdout);
    expect(j.ok).toBe(false);
    expect(j.findings.map((f: { code: string }) => f.code)).toEqual(
      expect.arrayContaining(["hash_mismatch", "file_unlisted"]),
    );
  });

  it("without the bundle's scheme installed, scheme checks are skipped with a warning and the install command", () => {
    // A copy outside the project whose node_modules holds the toy scheme.
    const elsewhere = makeTmp();
    cpSync(join(dir, "ok"), join(elsewhere, "ok"), { recursive: true });
    const r = runCliBin(["validate", "ok", "--json"], { cwd: elsewhere, env: TOY_ENV });
    const j = JSON.parse(r.stdout);
    expect(j.findings[0]).toMatchObject({ severity: "warning", code: "scheme_not_installed" });
    expect(j.findings[0].message).toContain("pnpm add @fixture/scheme-toy@1.2.3");
  });

  it("a package name from the manifest is imported only when trusted (LEADFORGE_SCHEMES or convention)", () => {
    // The toy package is installed in this project, but a manifest alone does not get it imported.
    const r = runCliBin(["validate", "ok", "--json"], { cwd: dir });
    const j = JSON.parse(r.stdout);
    expect(j.findings[0]).toMatchObject({ severity: "warning", code: "scheme_not_trusted" });
    expect(j.findings[0].message).toContain("LEADFORGE_SCHEMES");
  });

  it("a folder that is not a bundle is a usage error", () => {
    const r = run(["validate", "."]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: not a bundle: . has no manifest.json\n");
  });

  it("runs the lifecycle scheme's checks on a lifecycle bundle", () => {
    const tmp = makeTmp();
    expect(
      runCliBin(
        ["generate", "-r", "b2b_saas_ltv_v1", "--n-customers", "120", "--out", "lc", "-q"],
        { cwd: tmp },
      ).code,
    ).toBe(0);
    const r = runCliBin(["validate", "lc", "--json"], { cwd: tmp });
    expect(r.stderr).toBe("");
    const j = JSON.parse(r.stdout);
    expect(r.code).toBe(j.ok ? 0 : 1);
    const integrity = [
      "hash_mismatch",
      "file_missing",
      "file_unlisted",
      "manifest_inconsistent",
      "scheme_not_installed",
    ];
    expect(j.findings.filter((f: { code: string }) => integrity.includes(f.code))).toEqual([]);
  });
});
