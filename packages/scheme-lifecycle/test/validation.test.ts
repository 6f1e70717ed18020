import { validateBundle } from "@leadforge/core/node";
import { describe, expect, it } from "vitest";
import { generate, lifecycleRegistry, writeTemp } from "./helpers.js";

describe.each([
  { exposure_mode: "student_public", public_regime: "calendar" },
  { exposure_mode: "student_public", public_regime: "early" },
  { exposure_mode: "research_instructor", public_regime: "calendar" },
])("validateBundle on a $exposure_mode ($public_regime) bundle", (opts) => {
  it("passes every core and lifecycle check", async () => {
    const bundle = generate({ seed: 43, n_customers: 600, difficulty: "intermediate", ...opts });
    const { out, cleanup } = await writeTemp(bundle);
    try {
      const result = await validateBundle(out, { registry: lifecycleRegistry() });
      const errors = result.findings.filter((f) => f.severity === "error");
      expect(errors, JSON.stringify(errors, null, 1)).toEqual([]);
      expect(result.ok).toBe(true);
    } finally {
      await cleanup();
    }
  });
});

describe("invoice status check", () => {
  it("flags public invoices that show a resolution from after the cutoff", async () => {
    const { filterRows, getColumn } = await import("@leadforge/core");
    const opts = { seed: 43, n_customers: 400 };
    const pub = generate({ ...opts, exposure_mode: "student_public" });
    const ins = generate({ ...opts, exposure_mode: "research_instructor" });
    const full = ins.tables.find((t) => t.spec.name === "invoices")!;
    const obs = Date.parse("2026-01-26") / 86_400_000;
    const dates = getColumn(full, "invoice_date") as number[];
    // The reference's behaviour: rows cut at the cutoff, but terminal statuses kept.
    const leaky = filterRows(full, (r) => dates[r]! <= obs);
    const tables = pub.tables.map((t) => (t.spec.name === "invoices" ? leaky : t));
    const { out, cleanup } = await writeTemp({ ...pub, tables });
    try {
      const result = await validateBundle(out, { registry: lifecycleRegistry() });
      const codes = result.findings.filter((f) => f.severity === "error").map((f) => f.code);
      expect(codes).toContain("invoice_status_after_cutoff");
    } finally {
      await cleanup();
    }
  });
});
