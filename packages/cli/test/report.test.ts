// `report` as a front end over core's writeReport.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { makeTmp, makeToyProject, runCliBin, TOY_ENV } from "./helpers.js";

describe("report", () => {
  let toy: string;
  beforeAll(() => {
    toy = makeToyProject();
    const r = runCliBin(
      ["generate", "-r", "toy_recipe_v1", "--n-customers", "300", "--out", "b", "-q"],
      {
        cwd: toy,
        env: TOY_ENV,
      },
    );
    if (r.code !== 0) throw new Error(r.stderr);
  });

  it("writes report.json and report.html next to the bundle and prints headline metrics", () => {
    const r = runCliBin(["report", "b"], { cwd: toy, env: TOY_ENV });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Report written to \.\/b-report\/report\.html/);
    expect(r.stdout).toMatch(
      /will_buy \(test ROC-AUC\): logistic_regression (\d\.\d{3}|-), gradient_boosting/,
    );
    const report = JSON.parse(readFileSync(join(toy, "b-report/report.json"), "utf8"));
    expect(report.bundle).toMatchObject({ scheme: "toy", recipeId: "toy_recipe_v1" });
    expect(readFileSync(join(toy, "b-report/report.html"), "utf8")).toContain("<html");
    // The bundle itself is untouched, so it still validates as its manifest lists it.
    expect(existsSync(join(toy, "b/report.json"))).toBe(false);
  });

  it("--out and --json", () => {
    const r = runCliBin(["report", "b", "--out", "rep", "--json"], { cwd: toy, env: TOY_ENV });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.html).toBe(join(toy, "rep/report.html"));
    expect(j.tasks[0]).toMatchObject({
      id: "will_buy",
      type: "binary_classification",
      metric: "rocAuc",
    });
    expect(Object.keys(j.tasks[0].models)).toEqual(["logistic_regression", "gradient_boosting"]);
  });

  it("an --oracle that is not a bundle is a usage error", () => {
    const r = runCliBin(["report", "b", "--oracle", "nowhere"], { cwd: toy, env: TOY_ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: bundle folder not found: nowhere\n");
  });

  it("with --oracle (the instructor bundle of the same seed) the oracle is scored", () => {
    const dir = makeTmp();
    for (const mode of ["student_public", "research_instructor"]) {
      const g = runCliBin(
        [
          "generate",
          "-r",
          "b2b_saas_procurement_v1",
          "--n-leads",
          "400",
          "--seed",
          "3",
          "--mode",
          mode,
          "--out",
          mode,
          "-q",
        ],
        { cwd: dir },
      );
      expect(g.stderr).toBe("");
    }
    const r = runCliBin(["report", "student_public", "--oracle", "research_instructor", "--json"], {
      cwd: dir,
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const task = JSON.parse(r.stdout).tasks.find(
      (t: { id: string }) => t.id === "converted_within_90_days",
    );
    expect(Object.keys(task.models)).toContain("oracle");
    expect(task.models.oracle).toBeGreaterThan(0.5);
  });
});
