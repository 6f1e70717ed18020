import { describe, expect, it } from "vitest";
import { buildSnapshotTable } from "../src/render-snapshot.js";
import { buildIdCache } from "../src/render-tables.js";
import { col, generate, MICROS_PER_DAY, SMALL, table, taskRows, world } from "./helpers.js";

const W = 30;
const inst = generate({ seed: 33, n_leads: SMALL, exposure_mode: "research_instructor" });
const pub = generate({ seed: 33, n_leads: SMALL, exposure_mode: "student_public" });

/** Per-lead values recomputed from the public tables alone. */
function recompute() {
  const leads = table(pub, "leads");
  const created = new Map(
    col<string>(leads, "lead_id").map((id, k) => [id, col<number>(leads, "lead_created_at")[k]!]),
  );
  const acc = new Map<string, Record<string, number>>();
  const get = (id: string) => {
    let r = acc.get(id);
    if (!r) {
      r = {
        touch_count: 0,
        inbound_touch_count: 0,
        outbound_touch_count: 0,
        touches_days_0_7: 0,
        touches_last_7_days: 0,
        session_count: 0,
        pricing_page_views: 0,
        demo_page_views: 0,
        total_session_duration_seconds: 0,
        activity_count: 0,
        first: Number.POSITIVE_INFINITY,
        last: Number.NEGATIVE_INFINITY,
      };
      acc.set(id, r);
    }
    return r;
  };
  const touches = table(pub, "touches");
  const tl = col<string>(touches, "lead_id");
  const tdir = col<string>(touches, "touch_direction");
  col<number>(touches, "touch_timestamp").forEach((us, k) => {
    const r = get(tl[k]!);
    const t = Math.floor(us / MICROS_PER_DAY) - created.get(tl[k]!)!;
    r.touch_count!++;
    if (tdir[k] === "inbound") r.inbound_touch_count!++;
    else r.outbound_touch_count!++;
    if (t <= 7) r.touches_days_0_7!++;
    if (t > W - 7) r.touches_last_7_days!++;
    r.first = Math.min(r.first!, t);
    r.last = Math.max(r.last!, t);
  });
  const sessions = table(pub, "sessions");
  const sl = col<string>(sessions, "lead_id");
  sl.forEach((id, k) => {
    const r = get(id);
    r.session_count!++;
    r.pricing_page_views! += col<number>(sessions, "pricing_page_views")[k]!;
    r.demo_page_views! += col<number>(sessions, "demo_page_views")[k]!;
    r.total_session_duration_seconds! += col<number>(sessions, "session_duration_seconds")[k]!;
  });
  for (const id of col<string>(table(pub, "sales_activities"), "lead_id"))
    get(id).activity_count!++;
  const opps = new Set(col<string>(table(pub, "opportunities"), "lead_id"));
  return { get, opps };
}

describe("snapshot features are the public tables, aggregated", () => {
  const { get, opps } = recompute();
  const counts = [
    "touch_count",
    "inbound_touch_count",
    "outbound_touch_count",
    "touches_days_0_7",
    "touches_last_7_days",
    "session_count",
    "pricing_page_views",
    "demo_page_views",
    "total_session_duration_seconds",
    "activity_count",
  ];

  it("counts match wherever the tier's distortions left them (missing cells excepted)", () => {
    let compared = 0;
    for (const split of taskRows(pub)) {
      const ids = col<string>(split, "lead_id");
      for (const name of counts) {
        col<number | null>(split, name).forEach((v, k) => {
          if (v === null) return;
          expect(v).toBe(get(ids[k]!)[name]);
          compared++;
        });
      }
      col<boolean>(split, "opportunity_created").forEach((v, k) => {
        expect(v).toBe(opps.has(ids[k]!));
      });
    }
    expect(compared).toBeGreaterThan(SMALL * counts.length * 0.8);
  });

  it("undistorted day deltas and ACVs follow their definitions", () => {
    const w = world({ seed: 33, n_leads: SMALL });
    const ids = buildIdCache(w);
    const raw = buildSnapshotTable(w, ids);
    const rawIds = col<string>(raw, "lead_id");
    const first = col<number | null>(raw, "days_since_first_touch");
    const last = col<number | null>(raw, "days_since_last_touch");
    const open = col<boolean>(raw, "has_open_opportunity");
    const oppAcv = col<number | null>(raw, "opportunity_estimated_acv");
    const expected = col<number>(raw, "expected_acv");
    rawIds.forEach((id, k) => {
      const r = get(id);
      if (r.touch_count === 0) {
        expect(first[k]).toBeNull();
        expect(last[k]).toBeNull();
      } else {
        expect(first[k]).toBe(W - r.first!);
        expect(last[k]).toBe(W - r.last!);
      }
      expect(oppAcv[k] !== null).toBe(open[k]);
      if (open[k]) expect(expected[k]).toBe(oppAcv[k]);
    });
    // Distortions never touch identifiers, categories, booleans, the trap or the label.
    const distorted = new Map<string, number>();
    for (const split of taskRows(pub)) {
      col<string>(split, "lead_id").forEach((id, k) => {
        distorted.set(id, k);
      });
    }
    for (const name of ["lead_source", "seniority", "has_open_opportunity", "total_touches_all"]) {
      const rawValues = col<unknown>(raw, name);
      for (const split of taskRows(pub)) {
        const splitIds = col<string>(split, "lead_id");
        col<unknown>(split, name).forEach((v, k) => {
          expect(v).toBe(rawValues[rawIds.indexOf(splitIds[k]!)]);
        });
      }
    }
  });

  it("the trap counts touches over the whole horizon (instructor tables)", () => {
    const touches = table(inst, "touches");
    const all = new Map<string, number>();
    for (const id of col<string>(touches, "lead_id")) all.set(id, (all.get(id) ?? 0) + 1);
    for (const split of taskRows(inst)) {
      const ids = col<string>(split, "lead_id");
      col<number>(split, "total_touches_all").forEach((v, k) => {
        expect(v).toBe(all.get(ids[k]!) ?? 0);
        const windowed = get(ids[k]!).touch_count!;
        expect(v).toBeGreaterThanOrEqual(windowed);
      });
    }
  });

  it("the instructor stage columns are as of the snapshot, not the end of the horizon", () => {
    const leads = table(inst, "leads");
    const finalStage = new Map(
      col<string>(leads, "lead_id").map((id, k) => [id, col<string>(leads, "current_stage")[k]!]),
    );
    let differs = 0;
    for (const split of taskRows(inst)) {
      const ids = col<string>(split, "lead_id");
      const stage = col<string>(split, "current_stage");
      const isSql = col<boolean>(split, "is_sql");
      ids.forEach((id, k) => {
        if (stage[k] !== finalStage.get(id)) differs++;
        if (isSql[k]) expect(opps.has(id)).toBe(true);
      });
    }
    expect(differs).toBeGreaterThan(0);
  });
});
