import {
  type ColumnarTable,
  type ColumnValues,
  checkTable,
  dayToMicros,
  makeId,
  type TableSpec,
} from "@leadforge/core";
import type { LifecycleWorld } from "./build-world.js";
import { PAY_FAILED, PAY_PAID } from "./ledger.js";
import {
  ACCOUNTS_TABLE,
  CHURN_REASONS,
  CUSTOMERS_TABLE,
  EVENT_TYPES,
  HEALTH_SIGNALS_TABLE,
  INVOICES_TABLE,
  PAYMENT_STATUSES,
  SUBSCRIPTION_EVENTS_TABLE,
  SUBSCRIPTIONS_TABLE,
} from "./tables.js";

function push(cols: unknown[][], row: readonly unknown[]): void {
  for (let j = 0; j < row.length; j++) cols[j]!.push(row[j]);
}

/** Rows of one customer's range dated on or before `cut` (rows are chronological). */
function countUpTo(
  week: ArrayLike<number>,
  from: number,
  to: number,
  startDay: number,
  cut: number,
): number {
  let r = from;
  while (r < to && startDay + 7 * week[r]! <= cut) r++;
  return r - from;
}

const PAD = "000000";

/** `makeId` for the hot loops: same output, no validation. */
function fastId(prefix: string, n: number): string {
  const d = String(n);
  return d.length >= 6 ? `${prefix}_${d}` : `${prefix}_${PAD.slice(d.length)}${d}`;
}

function table(spec: TableSpec, columns: unknown[][]): ColumnarTable {
  return checkTable({ spec, length: columns[0]!.length, columns: columns as ColumnValues[] });
}

/**
 * Render the six relational tables. With `cutoffOf` (public bundles), every event table keeps
 * only rows dated on or before the customer's cutoff, and an invoice whose dunning resolves
 * after the cutoff shows `failed` — its status as of the cutoff, not its final one. Row IDs
 * are dense over the published rows, so gaps never reveal how many rows were cut.
 * Subscriptions always carry terminal columns here; the exposure contract drops them in
 * public bundles.
 */
export function renderRelationalTables(
  world: LifecycleWorld,
  cutoffOf: ((customer: number) => number) | null,
): ColumnarTable[] {
  const { accounts, customers, ledger: lg, final, narrative } = world;
  const n = customers.length;

  const acct: unknown[][] = ACCOUNTS_TABLE.columns.map(() => []);
  for (const a of accounts) {
    const id = makeId("acct", a.index + 1);
    const row = [
      id,
      `Company ${id}`,
      a.industry,
      a.region,
      a.employeeBand,
      a.revenueBand,
      a.maturityBand,
      a.createdDay,
    ];
    push(acct, row);
  }

  const cust: unknown[][] = CUSTOMERS_TABLE.columns.map(() => []);
  const subs: unknown[][] = SUBSCRIPTIONS_TABLE.columns.map(() => []);
  for (let i = 0; i < n; i++) {
    const c = customers[i]!;
    const cid = makeId("cust", i + 1);
    const plan = narrative.plans[c.plan]!.name;
    const crow = [
      cid,
      makeId("acct", c.account + 1),
      c.startDay,
      plan,
      c.initialMrr,
      c.termMonths,
      makeId("rep", c.csm),
      null,
    ];
    push(cust, crow);
    const cw = final.churnWeek[i]!;
    const churnDay = cw >= 0 ? c.startDay + 7 * cw : null;
    const srow = [
      makeId("sub", i + 1),
      cid,
      plan,
      cw >= 0 ? "churned" : "active",
      c.startDay,
      final.mrr[i]!,
      c.termMonths,
      final.renewals[i]!,
      final.expansions[i]!,
      churnDay,
      churnDay,
      cw >= 0 ? CHURN_REASONS[final.churnReason[i]!]! : null,
    ];
    push(subs, srow);
  }

  // Two passes: count the published rows per table, then fill preallocated columns.
  const cuts = new Float64Array(n);
  let nEv = 0;
  let nSig = 0;
  let nInv = 0;
  for (let i = 0; i < n; i++) {
    const s0 = customers[i]!.startDay;
    const cut = cutoffOf === null ? Number.POSITIVE_INFINITY : cutoffOf(i);
    cuts[i] = cut;
    nEv += countUpTo(lg.evWeek, lg.evStart[i]!, lg.evStart[i + 1]!, s0, cut);
    nSig += countUpTo(lg.sigWeek, lg.sigStart[i]!, lg.sigStart[i + 1]!, s0, cut);
    nInv += countUpTo(lg.invWeek, lg.invStart[i]!, lg.invStart[i + 1]!, s0, cut);
  }
  const ev = SUBSCRIPTION_EVENTS_TABLE.columns.map(() => new Array<unknown>(nEv));
  const sig = HEALTH_SIGNALS_TABLE.columns.map(() => new Array<unknown>(nSig));
  const inv = INVOICES_TABLE.columns.map(() => new Array<unknown>(nInv));
  let re = 0;
  let rs = 0;
  let rv = 0;
  for (let i = 0; i < n; i++) {
    const s0 = customers[i]!.startDay;
    const cut = cuts[i]!;
    const cid = makeId("cust", i + 1);
    const sid = makeId("sub", i + 1);
    for (let e = lg.evStart[i]!; e < lg.evStart[i + 1]!; e++) {
      const day = s0 + 7 * lg.evWeek[e]!;
      if (day > cut) break;
      const term = lg.evTermNew[e]!;
      ev[0]![re] = fastId("subev", re + 1);
      ev[1]![re] = sid;
      ev[2]![re] = cid;
      ev[3]![re] = dayToMicros(day, lg.evSecond[e]!);
      ev[4]![re] = EVENT_TYPES[lg.evType[e]!]!;
      ev[5]![re] = lg.evMrrBefore[e]!;
      ev[6]![re] = lg.evMrrAfter[e]!;
      ev[7]![re] = term < 0 ? null : term;
      re++;
    }
    for (let g = lg.sigStart[i]!; g < lg.sigStart[i + 1]!; g++) {
      const day = s0 + 7 * lg.sigWeek[g]!;
      if (day > cut) break;
      const nps = lg.sigNps[g]!;
      sig[0]![rs] = fastId("hsig", rs + 1);
      sig[1]![rs] = cid;
      sig[2]![rs] = day;
      sig[3]![rs] = lg.sigActiveUsers[g]!;
      sig[4]![rs] = lg.sigDepth[g]!;
      sig[5]![rs] = lg.sigTickets[g]!;
      sig[6]![rs] = nps < 0 ? null : nps;
      rs++;
    }
    for (let v = lg.invStart[i]!; v < lg.invStart[i + 1]!; v++) {
      const day = s0 + 7 * lg.invWeek[v]!;
      if (day > cut) break;
      let status = lg.invStatus[v]!;
      if (status !== PAY_PAID && status !== PAY_FAILED) {
        const rw = lg.invResolvedWeek[v]!;
        if (s0 + 7 * rw > cut) status = PAY_FAILED;
      }
      inv[0]![rv] = fastId("inv", rv + 1);
      inv[1]![rv] = cid;
      inv[2]![rv] = day;
      inv[3]![rv] = lg.invAmount[v]!;
      inv[4]![rv] = PAYMENT_STATUSES[status]!;
      rv++;
    }
  }
  return [
    table(ACCOUNTS_TABLE, acct),
    table(CUSTOMERS_TABLE, cust),
    table(SUBSCRIPTIONS_TABLE, subs),
    table(SUBSCRIPTION_EVENTS_TABLE, ev),
    table(HEALTH_SIGNALS_TABLE, sig),
    table(INVOICES_TABLE, inv),
  ];
}
