import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRegistry, generateBundle } from "../../src/index.js";
import { openBundle, writeBundle, writeReport } from "../../src/node/index.js";
import { createQualityReport } from "../../src/report/create-quality-report.js";
import { renderReportHtml } from "../../src/report/render-report-html.js";
import type { ClassificationTaskReport, RegressionTaskReport } from "../../src/report/types.js";
import { miniFunnelScheme } from "../fixtures/mini-funnel-scheme.js";
import { findChromium, visitPage } from "./headless-chromium.js";

const registry = createRegistry();
registry.register(miniFunnelScheme);
let tmp: string;
let pub: string;
let inst: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "lf-report-"));
  for (const mode of ["student_public", "research_instructor"] as const) {
    const bundle = generateBundle({
      recipe: "mini_funnel_v1",
      registry,
      options: { n_leads: 800, seed: 11, exposure_mode: mode, difficulty: "intro" },
    });
    await writeBundle({ bundle, outDir: join(tmp, mode) });
  }
  pub = join(tmp, "student_public");
  inst = join(tmp, "research_instructor");
}, 60_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("createQualityReport", () => {
  it("trains both baselines per task and uses the instructor oracle", async () => {
    const report = await createQualityReport(await openBundle(pub), {
      oracle: await openBundle(inst),
    });
    expect(report.tables.map((t) => t.name)).toEqual([
      "accounts",
      "leads",
      "touches",
      "opportunities",
    ]);
    const cls = report.tasks.find(
      (t) => t.id === "converted_within_90_days",
    ) as ClassificationTaskReport;
    expect(Object.keys(cls.models)).toEqual(["logistic_regression", "gradient_boosting", "oracle"]);
    const lr = cls.models.logistic_regression!;
    expect(lr.rocAuc).toBeGreaterThan(0.6);
    expect(lr.calibration.bins.every((b) => b.count >= 20)).toBe(true);
    expect(lr.liftCurve.at(-1)!.lift).toBeCloseTo(1, 9);
    expect(cls.trapEffect?.columns).toEqual(["total_touches_all"]);
    expect(cls.featureSignal[0]!.score).toBeGreaterThanOrEqual(cls.featureSignal.at(-1)!.score!);
    // The redacted instructor-only column is not a feature of the public task.
    expect(cls.features).not.toContain("current_stage");
    const reg = report.tasks.find((t) => t.id === "revenue_90d") as RegressionTaskReport;
    expect(reg.target.test.zeroShare).toBeGreaterThan(0.2);
    expect(Object.keys(reg.models)).toEqual(["linear_log1p", "gradient_boosting_log1p"]);
    expect(reg.models.linear_log1p!.deciles).toHaveLength(10);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
  it("leaves instructor-only leakage-risk columns out of an instructor bundle's models", async () => {
    const report = await createQualityReport(await openBundle(inst));
    const cls = report.tasks.find(
      (t) => t.id === "converted_within_90_days",
    ) as ClassificationTaskReport;
    expect(cls.features).not.toContain("current_stage");
    expect(cls.features).toContain("total_touches_all");
    expect(report.notes.join(" ")).toMatch(/current_stage/);
    expect(cls.models.oracle).toBeDefined();
    const all = await createQualityReport(await openBundle(inst), { excludeLeakyFeatures: false });
    expect((all.tasks[0] as ClassificationTaskReport).features).toContain("current_stage");
  });
  it("is deterministic", async () => {
    const a = renderReportHtml(await createQualityReport(await openBundle(pub)));
    const b = renderReportHtml(await createQualityReport(await openBundle(pub)));
    expect(a).toBe(b);
    expect(a).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });
});

describe("report.html in headless Chromium", () => {
  const chromium = findChromium();
  it.skipIf(!chromium)(
    "renders every chart with no console errors (screenshot in test-artifacts/)",
    async () => {
      const out = join(tmp, "report");
      const { htmlPath, jsonPath } = await writeReport({
        bundleDir: pub,
        outDir: out,
        oracleDir: inst,
      });
      expect(JSON.parse(await readFile(jsonPath, "utf8")).reportVersion).toBe(1);
      const visit = await visitPage({
        chromium: chromium!,
        url: pathToFileURL(htmlPath).href,
        expression: `(() => {
        const svgs = [...document.querySelectorAll("figure.chart svg")];
        return svgs.map((s) => {
          const r = s.getBoundingClientRect();
          const marks = s.querySelectorAll("path, rect, circle").length;
          return { w: Math.round(r.width), h: Math.round(r.height), marks, label: s.getAttribute("aria-label") };
        });
      })()`,
      });
      const artifacts = resolve(__dirname, "../../../../test-artifacts");
      await mkdir(artifacts, { recursive: true });
      await writeFile(join(artifacts, "quality-report.png"), visit.screenshot);
      expect(visit.errors).toEqual([]);
      const charts = visit.value as { w: number; h: number; marks: number; label: string }[];
      const labels = charts.map((c) => c.label);
      for (const name of [
        "Rows per table",
        "Cumulative lift",
        "Calibration",
        "Cumulative gains",
        "Feature signal",
        "Class balance by split",
        "Trap effect",
        "Lorenz curve",
        "Target distribution",
        "Decile calibration",
      ])
        expect(labels).toContain(name);
      for (const c of charts) {
        expect(c.w, c.label).toBeGreaterThan(200);
        expect(c.h, c.label).toBeGreaterThan(50);
        expect(c.marks, c.label).toBeGreaterThan(2);
      }
      expect(visit.screenshot.length).toBeGreaterThan(20_000);
    },
    60_000,
  );
  it.skipIf(!chromium)(
    "the harness does catch console errors (so the check above can fail)",
    async () => {
      const html =
        "<!doctype html><body><svg></svg><script>console.error('boom'); undefinedFn();</script></body>";
      const visit = await visitPage({
        chromium: chromium!,
        url: `data:text/html,${encodeURIComponent(html)}`,
        expression: "1",
      });
      expect(visit.errors.some((e) => e.includes("boom"))).toBe(true);
      expect(visit.errors.some((e) => e.includes("undefinedFn"))).toBe(true);
    },
    60_000,
  );
  it.runIf(!chromium)("skips: chromium is not installed (apt-get install -y chromium)", () => {
    console.warn("report-html: chromium not found; the browser rendering test was skipped");
  });
});
