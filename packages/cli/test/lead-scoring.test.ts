// End to end with the real lead-scoring scheme on a tiny world.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Manifest } from "@leadforge/core";
import { beforeAll, describe, expect, it } from "vitest";
import { makeTmp, runCliBin } from "./helpers.js";

let dir: string;
const run = (args: string[]) => runCliBin(args, { cwd: dir });
const manifestOf = (out: string) =>
  JSON.parse(readFileSync(join(dir, out, "manifest.json"), "utf8")) as Manifest;

beforeAll(() => {
  dir = makeTmp("leadforge-lead-scoring-");
});

describe("lead-scoring scheme through the CLI", () => {
  it("list-recipes shows b2b_saas_procurement_v1 and its primary task", () => {
    const r = run(["list-recipes"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /b2b_saas_procurement_v1\s+lead_scoring\s+\d+\.\d+\.\d+\s+converted_within_90_days/,
    );
  });

  it("generates the teacher's command with the default folder name", () => {
    const r = run([
      "generate",
      "--recipe",
      "b2b_saas_procurement_v1",
      "--difficulty",
      "intro",
      "--mode",
      "student_public",
      "--n-leads",
      "200",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = "b2b_saas_procurement_v1-intro-student_public-seed42";
    expect(r.stdout).toContain(`Bundle written to ./${out}`);
    expect(r.stdout).toMatch(/leads 200/);
    expect(r.stdout).toMatch(
      /task converted_within_90_days: train \d+ \/ valid \d+ \/ test \d+, label rate/,
    );
    const m = manifestOf(out);
    expect(m).toMatchObject({
      recipe_id: "b2b_saas_procurement_v1",
      difficulty: "intro",
      seed: 42,
    });
    expect(m.tables.leads?.row_count).toBe(200);
    expect(existsSync(join(dir, out, "tasks/converted_within_90_days/train.parquet"))).toBe(true);
    expect(existsSync(join(dir, out, "metadata"))).toBe(false);
  });

  it("a flag beats the override file for n_leads; the file's other keys still apply", () => {
    writeFileSync(join(dir, "ov.yaml"), "n_leads: 150\nseed: 9\n");
    const a = JSON.parse(
      run([
        "generate",
        "-r",
        "b2b_saas_procurement_v1",
        "--override",
        "ov.yaml",
        "--out",
        "ov-a",
        "--json",
      ]).stdout,
    );
    expect(a).toMatchObject({ seed: 9, tables: { leads: 150 } });
    const b = JSON.parse(
      run([
        "generate",
        "-r",
        "b2b_saas_procurement_v1",
        "--override",
        "ov.yaml",
        "--n-leads",
        "120",
        "--out",
        "ov-b",
        "--json",
      ]).stdout,
    );
    expect(b).toMatchObject({ seed: 9, tables: { leads: 120 } });
  });

  it("reference flags reach the manifest (--snapshot-day, --label-window-days, --primary-task)", () => {
    const r = run([
      "generate",
      "-r",
      "b2b_saas_procurement_v1",
      "--n-leads",
      "120",
      "--snapshot-day",
      "45",
      "--label-window-days",
      "60",
      "--primary-task",
      "converted_within_60_days",
      "--out",
      "ref-flags",
      "-q",
    ]);
    expect(r.stderr).toBe("");
    const m = manifestOf("ref-flags");
    expect(m.config).toMatchObject({
      snapshot_day: 45,
      label_window_days: 60,
      primary_task: "converted_within_60_days",
    });
    expect(Object.keys(m.tasks)).toContain("converted_within_60_days");
  });

  it("a snapshot day beyond the label window is refused with the bound", () => {
    const r = run([
      "generate",
      "-r",
      "b2b_saas_procurement_v1",
      "--snapshot-day",
      "100",
      "--out",
      "never",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: Invalid config: .*snapshot_day.*label_window_days/);
  });

  it("rejects --n-customers with the flag that applies", () => {
    const r = run(["generate", "-r", "b2b_saas_procurement_v1", "--n-customers", "10"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "error: --n-customers does not apply to recipe 'b2b_saas_procurement_v1': scheme 'lead_scoring' is sized by n_leads; use --n-leads N.\n",
    );
  });

  it("inspect reads it; the instructor bundle of the same seed has metadata", () => {
    expect(
      run([
        "generate",
        "-r",
        "b2b_saas_procurement_v1",
        "--n-leads",
        "150",
        "--mode",
        "research_instructor",
        "--out",
        "inst",
        "-q",
      ]).code,
    ).toBe(0);
    const j = JSON.parse(run(["inspect", "inst", "--json"]).stdout);
    expect(j).toMatchObject({
      recipe_id: "b2b_saas_procurement_v1",
      exposure_mode: "research_instructor",
      metadata: true,
    });
    expect(j.scheme.name).toBe("lead_scoring");
    const t = j.tasks.converted_within_90_days;
    expect(t.type).toBe("binary_classification");
    expect(t.rows.train + t.rows.valid + t.rows.test).toBe(150);
    expect(t.label_rate.train).toBeGreaterThanOrEqual(0);
  });
});
