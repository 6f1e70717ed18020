import { describe, expect, it } from "vitest";
import { RELATIONAL_TABLES } from "../src/tables.js";
import { OPEN_STAGES, STAGE_SQL, STAGES } from "../src/vocabulary.js";
import { col, generate, MICROS_PER_DAY, SMALL, table, world } from "./helpers.js";

const bundle = generate({ seed: 11, n_leads: SMALL, exposure_mode: "research_instructor" });

describe("referential integrity (instructor bundle, all nine tables)", () => {
  it("publishes the nine tables in the reference order", () => {
    expect(bundle.tables.map((t) => t.spec.name)).toEqual([
      "accounts",
      "contacts",
      "leads",
      "touches",
      "sessions",
      "sales_activities",
      "opportunities",
      "customers",
      "subscriptions",
    ]);
  });

  it.each(
    RELATIONAL_TABLES.flatMap((spec) =>
      spec.columns
        .filter((c) => c.references)
        .map((c) => ({ t: spec.name, c: c.name, ref: c.references! })),
    ),
  )("$t.$c → $ref.table.$ref.column", ({ t, c, ref }) => {
    const keys = new Set(col<string>(table(bundle, ref.table), ref.column));
    const values = col<string | null>(table(bundle, t), c).filter((v) => v !== null);
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(keys.has(v!)).toBe(true);
  });

  it.each(RELATIONAL_TABLES.map((s) => s.name))("%s has a unique primary key", (name) => {
    const t = table(bundle, name);
    const pk = t.spec.primaryKey!;
    const ids = col<string>(t, pk);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("leads.account_id is the contact's account", () => {
    const contacts = table(bundle, "contacts");
    const acct = new Map(
      col<string>(contacts, "contact_id").map((id, k) => [
        id,
        col<string>(contacts, "account_id")[k],
      ]),
    );
    const leads = table(bundle, "leads");
    col<string>(leads, "contact_id").forEach((c, k) => {
      expect(col<string>(leads, "account_id")[k]).toBe(acct.get(c));
    });
  });
});

describe("funnel invariants", () => {
  const w = world({ seed: 5, n_leads: SMALL });
  const { outcomes, params } = w;
  const H = params.horizon_days;

  it("stages are entered in order, at least the minimum dwell apart, inside the horizon", () => {
    for (let i = 0; i < SMALL; i++) {
      let prev = 0;
      for (let s = 1; s < OPEN_STAGES; s++) {
        const e = outcomes.stageEnter[i * OPEN_STAGES + s]!;
        if (e < 0) {
          for (let s2 = s + 1; s2 < OPEN_STAGES; s2++) {
            expect(outcomes.stageEnter[i * OPEN_STAGES + s2]).toBe(-1);
          }
          break;
        }
        expect(e).toBeGreaterThanOrEqual(prev + w.mech.minDwellDays);
        expect(e).toBeLessThan(H);
        prev = e;
      }
      const conv = outcomes.convDay[i]!;
      const churn = outcomes.churnDay[i]!;
      expect(conv >= 0 && churn >= 0).toBe(false);
      if (conv >= 0) expect(conv).toBeLessThan(H);
      if (churn >= 0) expect(churn).toBeLessThan(H);
    }
  });

  it("every event falls inside its lead's horizon, and none after it closed", () => {
    const created = w.pop.leadCreated;
    for (const buf of [w.events.sessions, w.events.activities]) {
      for (let r = 0; r < buf.length; r++) {
        const i = buf.cols.lead[r]!;
        const t = buf.cols.t[r]!;
        expect(t).toBeGreaterThanOrEqual(0);
        expect(t).toBeLessThan(H);
        const closed = Math.max(outcomes.convDay[i]!, outcomes.churnDay[i]!);
        if (closed >= 0) expect(t).toBeLessThanOrEqual(closed);
      }
    }
    expect(created.every((d) => d >= w.calendar.startDay)).toBe(true);
  });

  const leads = table(bundle, "leads");
  const opps = table(bundle, "opportunities");

  it("label ⇔ closed_won within the label window (horizon = window = 90)", () => {
    const stage = col<string>(leads, "current_stage");
    const label = col<boolean>(leads, "converted_within_90_days");
    const ts = col<number | null>(leads, "conversion_timestamp");
    const created = col<number>(leads, "lead_created_at");
    label.forEach((y, k) => {
      expect(y).toBe(stage[k] === "closed_won");
      expect(ts[k] !== null).toBe(y);
      if (ts[k] !== null) {
        const day = Math.floor(ts[k]! / MICROS_PER_DAY) - created[k]!;
        expect(day).toBeGreaterThanOrEqual(0);
        expect(day).toBeLessThanOrEqual(90);
      }
    });
    expect(label.some((y) => y)).toBe(true);
    expect(label.some((y) => !y)).toBe(true);
  });

  it("opportunity ⇔ SQL or converted; its fields agree with the lead", () => {
    const withOpp = new Map(col<string>(opps, "lead_id").map((id, k) => [id, k]));
    const ids = col<string>(leads, "lead_id");
    const isSql = col<boolean>(leads, "is_sql");
    const label = col<boolean>(leads, "converted_within_90_days");
    const stage = col<string>(leads, "current_stage");
    ids.forEach((id, k) => {
      expect(withOpp.has(id)).toBe(isSql[k] || label[k]);
      const o = withOpp.get(id);
      if (o === undefined) return;
      expect(col<string>(opps, "stage")[o]).toBe(stage[k]);
      const outcome = col<string | null>(opps, "close_outcome")[o];
      expect(outcome).toBe(
        stage[k] === "closed_won"
          ? "closed_won"
          : stage[k] === "closed_lost"
            ? "closed_lost"
            : null,
      );
    });
    // Opportunity ids are numbered by creation date.
    const created = col<number>(opps, "created_at");
    for (let k = 1; k < created.length; k++)
      expect(created[k]).toBeGreaterThanOrEqual(created[k - 1]!);
  });

  it("one customer and one subscription per conversion, plan by ACV", () => {
    const customers = table(bundle, "customers");
    const subs = table(bundle, "subscriptions");
    const conversions = col<boolean>(leads, "converted_within_90_days").filter(Boolean).length;
    expect(customers.length).toBe(conversions);
    expect(subs.length).toBe(conversions);
    const acvByOpp = new Map(
      col<string>(opps, "opportunity_id").map((id, k) => [
        id,
        col<number>(opps, "estimated_acv")[k]!,
      ]),
    );
    const plan = col<string>(subs, "plan_name");
    col<string>(customers, "opportunity_id").forEach((o, k) => {
      const acv = acvByOpp.get(o)!;
      expect(plan[k]).toBe(acv < 30_000 ? "starter" : acv < 80_000 ? "growth" : "enterprise");
    });
  });

  it("event ids are chronological", () => {
    for (const [name, tsCol] of [
      ["touches", "touch_timestamp"],
      ["sessions", "session_timestamp"],
      ["sales_activities", "activity_timestamp"],
    ] as const) {
      const ts = col<number>(table(bundle, name), tsCol);
      for (let k = 1; k < ts.length; k++) expect(ts[k]).toBeGreaterThanOrEqual(ts[k - 1]!);
    }
  });

  it("stage vocabulary is the reference's", () => {
    for (const s of col<string>(leads, "current_stage")) expect(STAGES).toContain(s);
    expect(STAGES[STAGE_SQL]).toBe("sql");
  });
});
