import { describe, expect, it } from "vitest";
import {
  col,
  generate,
  listFiles,
  MICROS_PER_DAY,
  readTable,
  SMALL,
  table,
  writeTemp,
} from "./helpers.js";

const SNAPSHOT_DAY = 30;
const pub = generate({ seed: 21, n_leads: SMALL, exposure_mode: "student_public" });
const inst = generate({ seed: 21, n_leads: SMALL, exposure_mode: "research_instructor" });

describe("student_public exposure", () => {
  it("omits customers and subscriptions", () => {
    expect(pub.tables.map((t) => t.spec.name)).toEqual([
      "accounts",
      "contacts",
      "leads",
      "touches",
      "sessions",
      "sales_activities",
      "opportunities",
    ]);
  });

  it("drops every redacted column from tables and task files", () => {
    const leadCols = table(pub, "leads").spec.columns.map((c) => c.name);
    expect(leadCols).toEqual([
      "lead_id",
      "contact_id",
      "account_id",
      "lead_created_at",
      "lead_source",
      "first_touch_channel",
      "owner_rep_id",
    ]);
    const oppCols = table(pub, "opportunities").spec.columns.map((c) => c.name);
    expect(oppCols).toEqual(["opportunity_id", "lead_id", "created_at", "estimated_acv"]);
    for (const split of Object.values(pub.tasks[0]!.splits)) {
      const names = split.spec.columns.map((c) => c.name);
      expect(names).toHaveLength(31);
      expect(names).not.toContain("current_stage");
      expect(names).not.toContain("is_sql");
      expect(names).toContain("total_touches_all");
    }
    expect(pub.texts.get("feature_dictionary.csv")).not.toMatch(/^current_stage,|^is_sql,/m);
    expect(inst.tasks[0]!.splits.train.spec.columns).toHaveLength(33);
  });

  it("has no row after any lead's cutoff", () => {
    const leads = table(pub, "leads");
    const created = new Map(
      col<string>(leads, "lead_id").map((id, k) => [id, col<number>(leads, "lead_created_at")[k]!]),
    );
    const lastDay = (id: string) => created.get(id)! + SNAPSHOT_DAY;
    for (const [name, ts] of [
      ["touches", "touch_timestamp"],
      ["sessions", "session_timestamp"],
      ["sales_activities", "activity_timestamp"],
    ] as const) {
      const t = table(pub, name);
      const ids = col<string>(t, "lead_id");
      col<number>(t, ts).forEach((us, k) => {
        expect(Math.floor(us / MICROS_PER_DAY)).toBeLessThanOrEqual(lastDay(ids[k]!));
      });
      expect(t.length).toBeLessThan(table(inst, name).length);
    }
    const opps = table(pub, "opportunities");
    const oppLeads = col<string>(opps, "lead_id");
    col<number>(opps, "created_at").forEach((d, k) => {
      expect(d).toBeLessThanOrEqual(lastDay(oppLeads[k]!));
    });
  });

  it("publishes no metadata and hides the motif family", async () => {
    const { out, cleanup } = await writeTemp(pub);
    try {
      const files = await listFiles(out);
      expect(files.some((f) => f.startsWith("metadata/"))).toBe(false);
      expect(pub.manifestDraft.motif_family).toBeNull();
    } finally {
      await cleanup();
    }
  });
});

describe("research_instructor exposure", () => {
  it("publishes the hidden truth under metadata/", async () => {
    const { out, cleanup } = await writeTemp(inst);
    try {
      const files = await listFiles(out);
      for (const f of [
        "metadata/world_spec.json",
        "metadata/graph.json",
        "metadata/graph.graphml",
        "metadata/latent_registry.json",
        "metadata/latent_registry/accounts.parquet",
        "metadata/latent_registry/contacts.parquet",
        "metadata/latent_registry/leads.parquet",
        "metadata/mechanism_summary.json",
        "metadata/oracle/converted_within_90_days.parquet",
      ]) {
        expect(files).toContain(f);
      }
      const oracle = await readTable(out, "metadata/oracle/converted_within_90_days.parquet");
      expect(oracle.spec.columns.map((c) => c.name)).toEqual(["lead_id", "oracle_score"]);
      expect(oracle.length).toBe(SMALL);
      for (const p of col<number>(oracle, "oracle_score")) {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
      const graph = JSON.parse(inst.texts.get("metadata/graph.json")!);
      expect(graph.motif_family).toBe(inst.manifestDraft.motif_family);
      expect(inst.texts.get("metadata/graph.graphml")).toContain("<graphml");
    } finally {
      await cleanup();
    }
  });

  it("the same seed gives the same task values in both modes (shared columns)", () => {
    const a = pub.tasks[0]!.splits.test;
    const b = inst.tasks[0]!.splits.test;
    for (const c of a.spec.columns) expect(col(b, c.name)).toEqual(col(a, c.name));
  });
});
