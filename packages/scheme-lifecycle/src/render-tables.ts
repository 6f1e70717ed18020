import {
  type ColumnarTable,
  type ColumnValues,
  checkTable,
  createCellTable,
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

/** Output rows of an event table: the ledger row and customer of each, in output order. */
interface RowList {
  readonly length: number;
  readonly row: Int32Array;
  readonly customer: Int32Array;
}

/** Collects runs of consecutive ledger rows per customer into a {@link RowList}. */
function createRowList(): {
  add(customer: number, from: number, count: number): void;
  finish(): RowList;
} {
  let row = new Int32Array(1024);
  let customer = new Int32Array(1024);
  let length = 0;
  return {
    add(c, from, count) {
      if (length + count > row.length) {
        const size = Math.max(row.length * 2, length + count);
        const grownRow = new Int32Array(size);
        grownRow.set(row.subarray(0, length));
        row = grownRow;
        const grownCustomer = new Int32Array(size);
        grownCustomer.set(customer.subarray(0, length));
        customer = grownCustomer;
      }
      for (let k = 0; k < count; k++) {
        row[length] = from + k;
        customer[length++] = c;
      }
    },
    finish: () => ({ length, row: row.slice(0, length), customer: customer.slice(0, length) }),
  };
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

  // The event tables are computed when written (they hold most of the rows): first the
  // published ledger rows and their customers, in output order; ids are dense over them.
  const evRows = createRowList();
  const sigRows = createRowList();
  const invRows = createRowList();
  const cuts = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s0 = customers[i]!.startDay;
    const cut = cutoffOf === null ? Number.POSITIVE_INFINITY : cutoffOf(i);
    cuts[i] = cut;
    evRows.add(
      i,
      lg.evStart[i]!,
      countUpTo(lg.evWeek, lg.evStart[i]!, lg.evStart[i + 1]!, s0, cut),
    );
    sigRows.add(
      i,
      lg.sigStart[i]!,
      countUpTo(lg.sigWeek, lg.sigStart[i]!, lg.sigStart[i + 1]!, s0, cut),
    );
    invRows.add(
      i,
      lg.invStart[i]!,
      countUpTo(lg.invWeek, lg.invStart[i]!, lg.invStart[i + 1]!, s0, cut),
    );
  }
  const ev = evRows.finish();
  const sig = sigRows.finish();
  const inv = invRows.finish();
  const cid = (i: number) => makeId("cust", i + 1);
  const start = (i: number) => customers[i]!.startDay;

  const events = createCellTable({
    spec: SUBSCRIPTION_EVENTS_TABLE,
    length: ev.length,
    cells: [
      (r) => fastId("subev", r + 1),
      (r) => makeId("sub", ev.customer[r]! + 1),
      (r) => cid(ev.customer[r]!),
      (r) => {
        const e = ev.row[r]!;
        return dayToMicros(start(ev.customer[r]!) + 7 * lg.evWeek[e]!, lg.evSecond[e]!);
      },
      (r) => EVENT_TYPES[lg.evType[ev.row[r]!]!]!,
      (r) => lg.evMrrBefore[ev.row[r]!]!,
      (r) => lg.evMrrAfter[ev.row[r]!]!,
      (r) => {
        const term = lg.evTermNew[ev.row[r]!]!;
        return term < 0 ? null : term;
      },
    ],
  });
  const signals = createCellTable({
    spec: HEALTH_SIGNALS_TABLE,
    length: sig.length,
    cells: [
      (r) => fastId("hsig", r + 1),
      (r) => cid(sig.customer[r]!),
      (r) => start(sig.customer[r]!) + 7 * lg.sigWeek[sig.row[r]!]!,
      (r) => lg.sigActiveUsers[sig.row[r]!]!,
      (r) => lg.sigDepth[sig.row[r]!]!,
      (r) => lg.sigTickets[sig.row[r]!]!,
      (r) => {
        const nps = lg.sigNps[sig.row[r]!]!;
        return nps < 0 ? null : nps;
      },
    ],
  });
  const invoices = createCellTable({
    spec: INVOICES_TABLE,
    length: inv.length,
    cells: [
      (r) => fastId("inv", r + 1),
      (r) => cid(inv.customer[r]!),
      (r) => start(inv.customer[r]!) + 7 * lg.invWeek[inv.row[r]!]!,
      (r) => lg.invAmount[inv.row[r]!]!,
      (r) => {
        const v = inv.row[r]!;
        const i = inv.customer[r]!;
        let status = lg.invStatus[v]!;
        if (status !== PAY_PAID && status !== PAY_FAILED) {
          if (start(i) + 7 * lg.invResolvedWeek[v]! > cuts[i]!) status = PAY_FAILED;
        }
        return PAYMENT_STATUSES[status]!;
      },
    ],
  });
  return [
    table(ACCOUNTS_TABLE, acct),
    table(CUSTOMERS_TABLE, cust),
    table(SUBSCRIPTIONS_TABLE, subs),
    events,
    signals,
    invoices,
  ];
}
