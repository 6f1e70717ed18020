// End to end with the real lifecycle scheme on a tiny world.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Manifest } from "@leadforge/core";
import { beforeAll, describe, expect, it } from "vitest";
import { makeTmp, runCliBin } from "./helpers.js";

let dir: string;
const run = (args: string[]) => runCliBin(args, { cwd: dir });
const manifestOf = (out: string) =>
  JSON.parse(readFileSync(join(dir, out, "manifest.json"), "utf8")) as Manifest;

beforeAll(() => {
  dir = makeTmp("leadforge-lifecycle-");
});

describe("lifecycle scheme through the CLI", () => {
  it("list-recipes shows b2b_saas_ltv_v1 with its installed version", () => {
    const j = JSON.parse(run(["list-recipes", "--json"]).stdout);
    expect(j.recipes.find((r: { id: string }) => r.id === "b2b_saas_ltv_v1")).toMatchObject({
      scheme: "lifecycle",
      scheme_package: "@leadforge/scheme-lifecycle",
      installed: true,
      size_param: "n_customers",
    });
  });

  it("generates a public bundle with --n-customers and summarises it", () => {
    const r = run([
      "generate",
      "-r",
      "b2b_saas_ltv_v1",
      "--n-customers",
      "120",
      "--seed",
      "4",
      "--json",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.out).toBe(join(dir, "b2b_saas_ltv_v1-intermediate-student_public-seed4"));
    expect(s.tables.customers).toBe(120);
    expect(s.scheme.name).toBe("lifecycle");
    const regression = Object.values(s.tasks).find(
      (t) => (t as { type: string }).type === "regression",
    ) as { label_mean: { train: number } };
    expect(regression.label_mean.train).toBeGreaterThan(0);
    const m = manifestOf("b2b_saas_ltv_v1-intermediate-student_public-seed4");
    expect(m.exposure_mode).toBe("student_public");
    expect(existsSync(join(s.out, "metadata"))).toBe(false);
    for (const f of Object.keys(m.files)) expect(existsSync(join(s.out, f))).toBe(true);
  });

  it("instructor mode writes metadata; inspect --json reports tasks and intact files", () => {
    expect(
      run([
        "generate",
        "-r",
        "b2b_saas_ltv_v1",
        "--n-customers",
        "80",
        "--mode",
        "research_instructor",
        "--out",
        "inst",
        "-q",
      ]).code,
    ).toBe(0);
    expect(readdirSync(join(dir, "inst/metadata")).length).toBeGreaterThan(0);
    const j = JSON.parse(run(["inspect", "inst", "--json"]).stdout);
    expect(j.metadata).toBe(true);
    expect(j.scheme.installed_version).toBe(j.scheme.version);
    expect(j.integrity.modified).toEqual([]);
    expect(j.integrity.intact).toBe(j.integrity.listed);
    for (const t of Object.values(j.tasks) as {
      rows: { train: number; valid: number; test: number };
    }[]) {
      expect(t.rows.train + t.rows.valid + t.rows.test).toBeGreaterThan(0);
    }
    const plain = run(["inspect", "inst"]).stdout;
    expect(plain).toMatch(/customers\s+80 rows/);
    expect(plain).toContain("Metadata dir:");
  });

  it("rejects --n-leads with the flag that applies", () => {
    const r = run(["generate", "-r", "b2b_saas_ltv_v1", "--n-leads", "100"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "error: --n-leads does not apply to recipe 'b2b_saas_ltv_v1': scheme 'lifecycle' is sized by n_customers; use --n-customers N.\n",
    );
  });

  it("--from-manifest reproduces the bundle byte for byte", () => {
    expect(
      run([
        "generate",
        "-r",
        "b2b_saas_ltv_v1",
        "--n-customers",
        "60",
        "--difficulty",
        "advanced",
        "--out",
        "a",
        "-q",
      ]).code,
    ).toBe(0);
    expect(run(["generate", "--from-manifest", "a/manifest.json", "--out", "b", "-q"]).code).toBe(
      0,
    );
    expect(readFileSync(join(dir, "b/manifest.json"), "utf8")).toBe(
      readFileSync(join(dir, "a/manifest.json"), "utf8"),
    );
  });
});
