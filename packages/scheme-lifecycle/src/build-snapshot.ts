import { type ColumnarTable, type ColumnValues, checkTable, makeId } from "@leadforge/core";
import type { LifecycleWorld } from "./build-world.js";
import { nextRenewalWeek } from "./hazards.js";
import {
  EV_EXPANSION,
  EV_PAYMENT_FAILURE,
  EV_RENEWAL,
  PAY_FAILED,
  PAY_PAID,
  PAY_RECOVERED,
} from "./ledger.js";
import { SNAPSHOT_COLUMNS } from "./snapshot-columns.js";

/** An observation regime: calendar-anchored or tenure-anchored (early pLTV). */
export type Regime = "calendar" | "early";

/** A regime's snapshot: one row per eligible customer, all catalog columns. */
export interface Snapshot {
  readonly regime: Regime;
  /** Customer indices of the rows, in customer order. */
  readonly customers: readonly number[];
  /** Cutoff day of each row. */
  readonly cutoffs: readonly number[];
  /** The full catalog table (features, trap and all four targets). */
  readonly table: ColumnarTable;
}

/** The cutoff day of customer `i` in `regime`. */
export function cutoffDay(world: LifecycleWorld, regime: Regime, i: number): number {
  return regime === "calendar"
    ? world.observationDay
    : world.customers[i]!.startDay + 7 * world.params.early_tenure_weeks;
}

/**
 * Whether customer `i` is in the regime's cohort: started on or before the cutoff and had not
 * churned by it (a churn dated on the cutoff excludes).
 */
export function isEligible(world: LifecycleWorld, regime: Regime, i: number): boolean {
  const c = world.customers[i]!;
  const cut = cutoffDay(world, regime, i);
  if (c.startDay > cut) return false;
  const cw = world.final.churnWeek[i]!;
  return cw < 0 || c.startDay + 7 * cw > cut;
}

const WINDOWS = [90, 365, 730] as const;

/**
 * Build a regime's snapshot. Every feature is recomputed from ledger rows dated on or before
 * the row's cutoff — never from end-of-simulation columns — except the documented trap.
 * Targets sum invoices dated strictly after the cutoff by their terminal status.
 */
export function buildSnapshot(world: LifecycleWorld, regime: Regime): Snapshot {
  const { ledger: lg, customers, accounts, final, narrative } = world;
  const rows: number[] = [];
  const cutoffs: number[] = [];
  for (let i = 0; i < customers.length; i++) {
    if (isEligible(world, regime, i)) {
      rows.push(i);
      cutoffs.push(cutoffDay(world, regime, i));
    }
  }
  const n = rows.length;
  const cols = SNAPSHOT_COLUMNS.map(() => new Array(n)) as unknown[][];
  const at = new Map(SNAPSHOT_COLUMNS.map((c, j) => [c.name, cols[j]!]));
  const col = (name: string) => at.get(name)!;
  const cId = col("customer_id");
  const cAcct = col("account_id");
  const cInd = col("industry");
  const cReg = col("region");
  const cEmp = col("employee_band");
  const cRev = col("estimated_revenue_band");
  const cTen = col("tenure_weeks");
  const cPlan = col("initial_plan");
  const cInit = col("initial_mrr");
  const cCur = col("current_mrr");
  const cChg = col("mrr_change_at_snapshot");
  const cRen = col("renewal_count");
  const cExp = col("expansion_count");
  const cTerm = col("contract_term_months");
  const cNext = col("weeks_to_next_renewal");
  const cAu = col("avg_active_users_l12w");
  const cAuT = col("active_user_trend_l12w");
  const cDp = col("avg_feature_depth_l12w");
  const cDpT = col("feature_depth_trend_l12w");
  const cTk = col("support_ticket_count_l12w");
  const cNps = col("last_nps_score");
  const cPf = col("payment_failure_count");
  const cPfW = col("weeks_since_last_payment_failure");
  const cDun = col("unpaid_invoices_at_snapshot");
  const cLastInv = col("days_since_last_invoice");
  const cTrap = col("mrr_change_full_period");
  const cT = [col("ltv_revenue_90d"), col("ltv_revenue_365d"), col("ltv_revenue_730d")];
  const cCh = col("churned_within_180d");

  for (let r = 0; r < n; r++) {
    const i = rows[r]!;
    const cut = cutoffs[r]!;
    const c = customers[i]!;
    const a = accounts[c.account]!;
    const s0 = c.startDay;
    cId[r] = makeId("cust", i + 1);
    cAcct[r] = makeId("acct", c.account + 1);
    cInd[r] = a.industry;
    cReg[r] = a.region;
    cEmp[r] = a.employeeBand;
    cRev[r] = a.revenueBand;
    const tenure = Math.floor((cut - s0) / 7);
    cTen[r] = tenure;
    cPlan[r] = narrative.plans[c.plan]!.name;
    cInit[r] = c.initialMrr;
    cTerm[r] = c.termMonths;
    cNext[r] = nextRenewalWeek(tenure, c.termMonths) - tenure;

    // Ledger events up to the cutoff.
    let mrr = c.initialMrr;
    let renewals = 0;
    let expansions = 0;
    let failures = 0;
    let lastFailDay = -1;
    for (let e = lg.evStart[i]!; e < lg.evStart[i + 1]!; e++) {
      const day = s0 + 7 * lg.evWeek[e]!;
      if (day > cut) break;
      const t = lg.evType[e]!;
      if (t === EV_EXPANSION) {
        mrr += lg.evMrrAfter[e]! - lg.evMrrBefore[e]!;
        expansions++;
      } else if (t === EV_RENEWAL) renewals++;
      else if (t === EV_PAYMENT_FAILURE) {
        failures++;
        lastFailDay = day;
      }
    }
    cCur[r] = mrr;
    cChg[r] = mrr - c.initialMrr;
    cRen[r] = renewals;
    cExp[r] = expansions;
    cPf[r] = failures;
    cPfW[r] = lastFailDay < 0 ? null : Math.floor((cut - lastFailDay) / 7);
    cTrap[r] = final.mrr[i]! - c.initialMrr;

    // Health: the last 12 weeks, (cut − 84, cut]; NPS over the whole history.
    let m = 0;
    let sx = 0;
    let sa = 0;
    let sd = 0;
    let sxx = 0;
    let sxa = 0;
    let sxd = 0;
    let tickets = 0;
    let nps: number | null = null;
    for (let g = lg.sigStart[i]!; g < lg.sigStart[i + 1]!; g++) {
      const day = s0 + 7 * lg.sigWeek[g]!;
      if (day > cut) break;
      const v = lg.sigNps[g]!;
      if (v >= 0) nps = v;
      if (day <= cut - 84) continue;
      const x = (day - cut) / 7;
      const au = lg.sigActiveUsers[g]!;
      const dp = lg.sigDepth[g]!;
      m++;
      sx += x;
      sxx += x * x;
      sa += au;
      sd += dp;
      sxa += x * au;
      sxd += x * dp;
      tickets += lg.sigTickets[g]!;
    }
    cAu[r] = m > 0 ? sa / m : null;
    cDp[r] = m > 0 ? sd / m : null;
    const varX = sxx - (sx * sx) / m;
    cAuT[r] = m >= 2 && varX > 0 ? (sxa - (sx * sa) / m) / varX : null;
    cDpT[r] = m >= 2 && varX > 0 ? (sxd - (sx * sd) / m) / varX : null;
    cTk[r] = tickets;
    cNps[r] = nps;

    // Invoices: dunning state as of the cutoff, and the targets after it.
    let unpaid = 0;
    let lastInvoiceDay = s0;
    const rev = [0, 0, 0];
    for (let v = lg.invStart[i]!; v < lg.invStart[i + 1]!; v++) {
      const day = s0 + 7 * lg.invWeek[v]!;
      const status = lg.invStatus[v]!;
      if (day <= cut) {
        lastInvoiceDay = day;
        if (status === PAY_PAID) continue;
        const rw = lg.invResolvedWeek[v]!;
        if (status === PAY_FAILED || rw < 0 || s0 + 7 * rw > cut) unpaid++;
        continue;
      }
      if (status !== PAY_PAID && status !== PAY_RECOVERED) continue;
      const gap = day - cut;
      for (let w = 0; w < 3; w++) if (gap <= WINDOWS[w]!) rev[w]! += lg.invAmount[v]!;
    }
    cDun[r] = unpaid;
    cLastInv[r] = cut - lastInvoiceDay;
    for (let w = 0; w < 3; w++) cT[w]![r] = rev[w];
    const cw = final.churnWeek[i]!;
    cCh[r] = cw >= 0 && s0 + 7 * cw <= cut + 180;
  }
  const table = checkTable({
    spec: {
      name: `snapshot_${regime}`,
      description: `${regime} snapshot`,
      columns: SNAPSHOT_COLUMNS,
    },
    length: n,
    columns: cols as ColumnValues[],
  });
  return { regime, customers: rows, cutoffs, table };
}
