import { getColumn } from "@leadforge/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cutoffDay } from "../src/build-snapshot.js";
import { END_OF_SIMULATION_COLUMNS } from "../src/tables.js";
import {
  buildWorld,
  bundleTable,
  generate,
  listFiles,
  readTable,
  rows,
  writeTemp,
} from "./helpers.js";

const DAY_US = 86_400_000_000;
const OPTS = { seed: 43, n_customers: 300 };
const instructor = generate({ ...OPTS, exposure_mode: "research_instructor" });
const world = buildWorld(OPTS);

const EVENT_DATES = {
  subscription_events: (r: Record<string, unknown>) =>
    Math.floor((r.event_timestamp as number) / DAY_US),
  health_signals: (r: Record<string, unknown>) => r.period_start as number,
  invoices: (r: Record<string, unknown>) => r.invoice_date as number,
} as const;

describe.each(["calendar", "early"] as const)("student_public, %s regime", (regime) => {
  const pub = generate({ ...OPTS, exposure_mode: "student_public", public_regime: regime });
  const startOf = new Map(
    rows(bundleTable(pub, "customers")).map((c, i) => [
      c.customer_id,
      { i, start: c.customer_start_at as number },
    ]),
  );
  const cut = (id: unknown) => cutoffDay(world, regime, startOf.get(id)!.i);

  it("publishes nothing dated after each customer's cutoff", () => {
    for (const [name, dateOf] of Object.entries(EVENT_DATES)) {
      const t = rows(bundleTable(pub, name));
      expect(t.length).toBeGreaterThan(0);
      for (const r of t) expect(dateOf(r)).toBeLessThanOrEqual(cut(r.customer_id));
    }
  });

  it("keeps exactly the instructor rows on or before the cutoff, with dense IDs", () => {
    for (const [name, dateOf] of Object.entries(EVENT_DATES)) {
      const pubRows = rows(bundleTable(pub, name));
      const kept = rows(bundleTable(instructor, name)).filter(
        (r) => dateOf(r) <= cut(r.customer_id),
      );
      expect(pubRows.length).toBe(kept.length);
      const idCol = bundleTable(pub, name).spec.columns[0]!.name;
      pubRows.forEach((r, k) => {
        expect(Number((r[idCol] as string).split("_")[1])).toBe(k + 1);
      });
    }
  });

  it("shows invoice status as of the cutoff (no final-status leak)", () => {
    const pubInv = rows(bundleTable(pub, "invoices"));
    const fullInv = rows(bundleTable(instructor, "invoices")).filter(
      (r) => (r.invoice_date as number) <= cut(r.customer_id),
    );
    const events = rows(bundleTable(instructor, "subscription_events"));
    let masked = 0;
    pubInv.forEach((p, k) => {
      const f = fullInv[k]!;
      expect(p.customer_id).toBe(f.customer_id);
      expect(p.invoice_date).toBe(f.invoice_date);
      if (p.payment_status === f.payment_status) return;
      // Only resolutions that happen after the cutoff are hidden.
      masked++;
      expect(p.payment_status).toBe("failed");
      const resolution = events.find(
        (e) =>
          e.customer_id === f.customer_id &&
          (e.event_type === "payment_recovered" || e.event_type === "churn") &&
          EVENT_DATES.subscription_events(e) > (f.invoice_date as number),
      )!;
      expect(EVENT_DATES.subscription_events(resolution)).toBeGreaterThan(cut(f.customer_id));
    });
    // A written-off invoice in a public table always comes with its churn in the same table.
    const churned = new Set(
      rows(bundleTable(pub, "subscription_events"))
        .filter((e) => e.event_type === "churn")
        .map((e) => e.customer_id),
    );
    for (const p of pubInv)
      if (p.payment_status === "written_off") expect(churned.has(p.customer_id)).toBe(true);
    expect(masked).toBeGreaterThan(0); // the payment-fragile world always has dunning open at a cutoff
  });

  it("drops end-of-simulation subscription columns and publishes only its regime's tasks", () => {
    const subs = bundleTable(pub, "subscriptions");
    for (const c of END_OF_SIMULATION_COLUMNS) {
      expect(subs.spec.columns.map((x) => x.name)).not.toContain(c);
    }
    const ids = pub.tasks.map((t) => t.id);
    expect(ids).toHaveLength(4);
    for (const id of ids) expect(id.startsWith("early_")).toBe(regime === "early");
    expect([...pub.texts.keys()].some((k) => k.startsWith("metadata/"))).toBe(false);
    expect(pub.manifestDraft.published_regimes).toEqual([regime]);
    expect(pub.manifestDraft.churned_by_horizon).toBeUndefined();
  });

  it("cannot reconstruct any target from the published tables", () => {
    // Every published invoice is on or before the row's cutoff; targets start strictly after.
    const pubInv = rows(bundleTable(pub, "invoices"));
    const perCustomerAfter = new Map<unknown, number>();
    for (const v of pubInv) {
      if ((v.invoice_date as number) > cut(v.customer_id)) {
        perCustomerAfter.set(v.customer_id, (perCustomerAfter.get(v.customer_id) ?? 0) + 1);
      }
    }
    expect(perCustomerAfter.size).toBe(0);
  });

  it("keeps the documented trap and one target per task file, split by account", () => {
    for (const t of pub.tasks) {
      const names = t.splits.train.spec.columns.map((c) => c.name);
      expect(names).toContain("mrr_change_full_period");
      const labels = names.filter((n) => n.startsWith("ltv_") || n === "churned_within_180d");
      expect(labels).toHaveLength(1);
      const accounts = Object.values(t.splits).map(
        (s) => new Set(getColumn(s, "account_id") as string[]),
      );
      for (const a of accounts[0]!) {
        expect(accounts[1]!.has(a) || accounts[2]!.has(a)).toBe(false);
      }
    }
  });
});

describe("research_instructor", () => {
  let out = "";
  let cleanup: () => Promise<void> = async () => {};
  beforeAll(async () => {
    ({ out, cleanup } = await writeTemp(instructor));
  });
  afterAll(() => cleanup());

  it("writes six tables, eight tasks, latents, mechanism and one oracle per task", async () => {
    const files = await listFiles(out);
    const tables = files.filter((f) => f.startsWith("tables/"));
    expect(tables).toHaveLength(6);
    const tasks = new Set(files.filter((f) => f.startsWith("tasks/")).map((f) => f.split("/")[1]));
    expect(tasks.size).toBe(8);
    expect(files).toContain("metadata/latent_registry.json");
    expect(files).toContain("metadata/mechanism_summary.json");
    for (const t of tasks) {
      const oracle = await readTable(out, `metadata/oracle/${t}.parquet`);
      const ids = new Set<string>();
      for (const s of ["train", "valid", "test"]) {
        const split = await readTable(out, `tasks/${t}/${s}.parquet`);
        for (const id of getColumn(split, "customer_id") as string[]) ids.add(id);
      }
      expect(new Set(getColumn(oracle, "customer_id") as string[])).toEqual(ids);
      const scores = getColumn(oracle, "oracle_score") as number[];
      for (const s of scores) expect(s).toBeGreaterThanOrEqual(0);
      if (t!.includes("churned")) for (const s of scores) expect(s).toBeLessThanOrEqual(1);
    }
  });

  it("records sizes, dates, windows and the realized regimes in the manifest", () => {
    const m = instructor.manifestDraft;
    expect(m.n_customers).toBe(300);
    expect(m.n_accounts).toBe(100);
    expect(m.observation_date).toBe("2026-01-26");
    expect(m.forward_windows_days).toEqual([90, 365, 730]);
    expect(m.early_tenure_weeks).toBe(4);
    expect(m.published_regimes).toEqual(["calendar", "early"]);
    expect(m.motif_family).toBe(world.motif.name);
    expect(m.structural_redactions).toEqual({ columns: {}, omitted_tables: [] });
  });

  it("is the same world as the public bundle (public rows are a subset)", () => {
    const pub = generate({ ...OPTS, exposure_mode: "student_public" });
    expect(getColumn(bundleTable(pub, "customers"), "initial_mrr")).toEqual(
      getColumn(bundleTable(instructor, "customers"), "initial_mrr"),
    );
  });
});

describe("splits shared within a regime", () => {
  it("puts every customer in the same split in all four tasks of a regime", () => {
    for (const prefix of ["", "early_"]) {
      const tasks = instructor.tasks.filter(
        (t) => t.id.startsWith(prefix) && (prefix || !t.id.startsWith("early_")),
      );
      expect(tasks).toHaveLength(4);
      const membership = tasks.map((t) =>
        Object.fromEntries(
          Object.entries(t.splits).map(([s, table]) => [s, getColumn(table, "customer_id")]),
        ),
      );
      for (const m of membership.slice(1)) expect(m).toEqual(membership[0]);
    }
  });
});
