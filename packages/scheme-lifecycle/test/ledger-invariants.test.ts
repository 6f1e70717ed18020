import { formatIsoDate, getColumn } from "@leadforge/core";
import { describe, expect, it } from "vitest";
import { isRenewalWeek } from "../src/hazards.js";
import { renderRelationalTables } from "../src/render-tables.js";
import { buildWorld, rows } from "./helpers.js";

// Seeds chosen for their motif: 42 product-led, 43 payment-fragile (write-offs), 2 expansion-led.
const WORLDS = [42, 43, 2].map((seed) => {
  const world = buildWorld({ seed, n_customers: 300, difficulty: "intermediate" });
  const tables = Object.fromEntries(
    renderRelationalTables(world, null).map((t) => [t.spec.name, rows(t)]),
  );
  return { seed, world, tables };
});

type R = Record<string, unknown>;
const byCustomer = (list: R[]) => {
  const m = new Map<string, R[]>();
  for (const r of list) {
    const k = r.customer_id as string;
    if (!m.has(k)) m.set(k, []);
    m.get(k)!.push(r);
  }
  return m;
};
const DAY_US = 86_400_000_000;
const evDay = (r: R) => Math.floor((r.event_timestamp as number) / DAY_US);

describe.each(WORLDS)("ledger invariants (seed $seed)", ({ world, tables }) => {
  const subs = new Map(tables.subscriptions!.map((s) => [s.customer_id as string, s]));
  const events = byCustomer(tables.subscription_events!);
  const invoices = byCustomer(tables.invoices!);
  const signals = byCustomer(tables.health_signals!);
  const customers = tables.customers!;

  it("keeps every foreign key intact", () => {
    const acct = new Set(tables.accounts!.map((a) => a.account_id));
    const cust = new Set(customers.map((c) => c.customer_id));
    const sub = new Set(tables.subscriptions!.map((s) => s.subscription_id));
    for (const c of customers) expect(acct.has(c.account_id)).toBe(true);
    for (const s of tables.subscriptions!) expect(cust.has(s.customer_id)).toBe(true);
    for (const e of tables.subscription_events!) {
      expect(cust.has(e.customer_id)).toBe(true);
      expect(sub.has(e.subscription_id)).toBe(true);
    }
    for (const t of ["health_signals", "invoices"]) {
      for (const r of tables[t]!) expect(cust.has(r.customer_id)).toBe(true);
    }
    expect(tables.subscriptions).toHaveLength(customers.length);
  });

  it("chains MRR through expansions, never negative, ending at current_mrr", () => {
    for (const c of customers) {
      let mrr = c.initial_mrr as number;
      let expansions = 0;
      let renewals = 0;
      for (const e of events.get(c.customer_id as string) ?? []) {
        expect(e.mrr_before).toBe(mrr);
        expect(e.mrr_after as number).toBeGreaterThanOrEqual(0);
        if (e.event_type === "expansion") {
          expect(e.mrr_after as number).toBeGreaterThan(mrr);
          mrr = e.mrr_after as number;
          expansions++;
        } else if (e.event_type === "churn") {
          expect(e.mrr_after).toBe(0);
        } else {
          expect(e.mrr_after).toBe(mrr);
        }
        if (e.event_type === "renewal") {
          renewals++;
          const week = (evDay(e) - (c.customer_start_at as number)) / 7;
          expect(isRenewalWeek(week, c.contract_term_months as number)).toBe(true);
          expect(e.contract_term_months_new).toBe(c.contract_term_months);
        }
      }
      const s = subs.get(c.customer_id as string)!;
      expect(s.current_mrr).toBe(mrr);
      expect(s.expansion_count).toBe(expansions);
      expect(s.renewal_count).toBe(renewals);
    }
  });

  it("invoices the MRR in force before that week's expansion", () => {
    for (const c of customers) {
      const ev = events.get(c.customer_id as string) ?? [];
      for (const inv of invoices.get(c.customer_id as string) ?? []) {
        const day = inv.invoice_date as number;
        let mrr = c.initial_mrr as number;
        for (const e of ev) {
          if (e.event_type === "expansion" && evDay(e) < day) mrr = e.mrr_after as number;
        }
        expect(inv.amount_usd).toBe(mrr);
      }
    }
  });

  it("stops everything at churn and explains every churn", () => {
    for (const c of customers) {
      const id = c.customer_id as string;
      const s = subs.get(id)!;
      const ev = events.get(id) ?? [];
      const churns = ev.filter((e) => e.event_type === "churn");
      const sig = signals.get(id) ?? [];
      if (s.subscription_status === "churned") {
        expect(churns).toHaveLength(1);
        const day = s.churn_at as number;
        expect(evDay(churns[0]!)).toBe(day);
        expect(s.subscription_end_at).toBe(day);
        expect(ev.at(-1)!.event_type).toBe("churn");
        for (const inv of invoices.get(id) ?? [])
          expect(inv.invoice_date as number).toBeLessThanOrEqual(day);
        // A health reading is still taken in the churn week, and none after.
        expect(sig.at(-1)!.period_start).toBe(day);
      } else {
        expect(churns).toHaveLength(0);
        expect(s.churn_at).toBeNull();
        expect(s.churn_reason).toBeNull();
      }
      // Weekly readings without gaps.
      for (let j = 1; j < sig.length; j++) {
        expect((sig[j]!.period_start as number) - (sig[j - 1]!.period_start as number)).toBe(7);
      }
    }
  });

  it("writes invoices off only after failed dunning, with a payment-failure churn that day", () => {
    let writeOffs = 0;
    for (const c of customers) {
      const id = c.customer_id as string;
      const s = subs.get(id)!;
      const inv = invoices.get(id) ?? [];
      const ev = events.get(id) ?? [];
      const failures = new Set(
        ev.filter((e) => e.event_type === "payment_failure").map((e) => evDay(e)),
      );
      for (const v of inv) {
        if (v.payment_status === "paid") continue;
        // Every unpaid-at-issue invoice has its payment_failure event the same day.
        expect(failures.has(v.invoice_date as number)).toBe(true);
        if (v.payment_status === "written_off") {
          writeOffs++;
          expect(s.churn_reason).toBe("payment_failure");
          expect(s.churn_at as number).toBeGreaterThan(v.invoice_date as number);
        }
      }
      if (s.churn_reason === "payment_failure") {
        const first = Math.min(
          ...inv
            .filter((v) => v.payment_status === "written_off")
            .map((v) => v.invoice_date as number),
        );
        const dunningDays = 7 * world.motif.payment.dunningWeeks;
        expect(s.churn_at).toBe(first + dunningDays);
        expect(inv.some((v) => v.invoice_date === s.churn_at)).toBe(false);
      }
      // "failed" survives only when dunning was still open at the end of the simulation.
      for (const v of inv.filter((x) => x.payment_status === "failed")) {
        expect(s.subscription_status).toBe("active");
        expect(inv.at(-1)!.payment_status).toBe("failed");
        expect(v.invoice_date as number).toBeGreaterThan(world.observationDay);
      }
    }
    if (world.motif.name === "payment_fragile") expect(writeOffs).toBeGreaterThan(10);
  });

  it("lets a voluntary churner pay for the month it leaves in", () => {
    let seen = 0;
    for (const c of customers) {
      const s = subs.get(c.customer_id as string)!;
      if (s.churn_reason !== "voluntary" && s.churn_reason !== "non_renewal") continue;
      const inv = invoices.get(c.customer_id as string) ?? [];
      const last = inv.at(-1)!;
      if (last.invoice_date === s.churn_at) {
        seen++;
        expect(last.payment_status).toBe("paid");
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it("simulates every active customer through its horizon", () => {
    const obs = world.observationDay;
    const early = world.params.early_tenure_weeks;
    for (const c of customers) {
      const s = subs.get(c.customer_id as string)!;
      if (s.subscription_status !== "active") continue;
      const horizon = Math.max(obs, (c.customer_start_at as number) + 7 * early) + 730;
      const last = (signals.get(c.customer_id as string) ?? []).at(-1)!.period_start as number;
      expect(last).toBeGreaterThan(horizon - 7);
      expect(last).toBeLessThanOrEqual(horizon);
    }
  });

  it("starts every customer inside the acquisition window", () => {
    const starts = getColumn(
      renderRelationalTables(world, null)[1]!,
      "customer_start_at",
    ) as number[];
    for (const d of starts) {
      expect(d).toBeGreaterThanOrEqual(world.acquisitionStartDay);
      expect(d).toBeLessThan(world.observationDay);
    }
    expect(formatIsoDate(world.observationDay)).toBe("2026-01-26");
  });
});

describe("week-order edge cases", () => {
  // Customer ids repeat across worlds: key every event by world and customer.
  const all = WORLDS.flatMap(({ seed, tables }) => {
    const starts = new Map(tables.customers!.map((c) => [c.customer_id, c]));
    return tables.subscription_events!.map((e) => ({
      e,
      c: starts.get(e.customer_id)!,
      key: `${seed}:${e.customer_id}`,
    }));
  });
  const weekOf = (x: { e: R; c: R }) => (evDay(x.e) - (x.c.customer_start_at as number)) / 7;

  it("allows an expansion in week 0 and in a renewal week (after the renewal)", () => {
    const expansions = all.filter((x) => x.e.event_type === "expansion");
    expect(expansions.some((x) => weekOf(x) === 0)).toBe(true);
    const renewalWeekExpansions = expansions.filter((x) =>
      isRenewalWeek(weekOf(x), x.c.contract_term_months as number),
    );
    expect(renewalWeekExpansions.length).toBeGreaterThan(0);
    for (const x of renewalWeekExpansions) {
      const same = all.filter((y) => y.key === x.key && evDay(y.e) === evDay(x.e));
      const types = same.map((y) => y.e.event_type);
      expect(types.indexOf("renewal")).toBeLessThan(types.indexOf("expansion"));
    }
  });

  it("never expands or churns voluntarily while a collections case is open", () => {
    const byCust = new Map<string, R[]>();
    for (const x of all) {
      if (!byCust.has(x.key)) byCust.set(x.key, []);
      byCust.get(x.key)!.push(x.e);
    }
    let openChurns = 0;
    for (const [key, events] of byCust) {
      let open = -1;
      for (const e of events) {
        if (e.event_type === "payment_failure" && open < 0) open = evDay(e);
        else if (e.event_type === "payment_recovered") open = -1;
        else if (e.event_type === "expansion") expect(open, key).toBe(-1);
        else if (e.event_type === "churn" && open >= 0) {
          // A churn during an open case is its write-off, exactly dunning_weeks after it opened.
          const world = WORLDS.find((w) => key.startsWith(`${w.seed}:`))!.world;
          expect(evDay(e) - open).toBe(7 * world.motif.payment.dunningWeeks);
          openChurns++;
        }
      }
    }
    expect(openChurns).toBeGreaterThan(0);
  });
});
