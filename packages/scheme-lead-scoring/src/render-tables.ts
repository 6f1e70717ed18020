import {
  type Cell,
  type ColumnarTable,
  createCellTable,
  dayToMicros,
  ID_PREFIXES,
  makeId,
  type TableSpec,
} from "@leadforge/core";
import type { LeadScoringWorld } from "./build-world.js";
import { closedDay, isSqlAt, stageAt } from "./stage-at.js";
import {
  ACCOUNTS,
  CONTACTS,
  CUSTOMERS,
  LEADS,
  OPPORTUNITIES,
  SALES_ACTIVITIES,
  SESSIONS,
  SUBSCRIPTIONS,
  TOUCHES,
} from "./tables.js";
import {
  ACTIVITY_OUTCOMES,
  ACTIVITY_TYPES,
  EMAIL_DOMAIN_TYPES,
  EMPLOYEE_BANDS,
  MATURITY_BANDS,
  N_REPS,
  REVENUE_BANDS,
  SENIORITIES,
  SESSION_TYPES,
  STAGES,
  TOUCH_DIRECTIONS,
  TOUCH_TYPES,
} from "./vocabulary.js";

/** Ids of the population, built once per render. */
export interface IdCache {
  /** Account ids. */
  readonly accounts: string[];
  /** Contact ids. */
  readonly contacts: string[];
  /** Lead ids. */
  readonly leads: string[];
  /** Rep ids. */
  readonly reps: string[];
}

/** Build the id strings of accounts, contacts, leads and reps. */
export function buildIdCache(world: LeadScoringWorld): IdCache {
  const { pop } = world;
  const ids = (prefix: string, n: number) => {
    const out = new Array<string>(n);
    for (let k = 0; k < n; k++) out[k] = makeId(prefix, k + 1);
    return out;
  };
  return {
    accounts: ids(ID_PREFIXES.account, pop.nAccounts),
    contacts: ids(ID_PREFIXES.contact, pop.nContacts),
    leads: ids(ID_PREFIXES.lead, pop.nLeads),
    reps: ids(ID_PREFIXES.rep, N_REPS),
  };
}

/** Shorthand for a cell table (rows computed from the world when the table is written). */
function lazyTable(
  spec: TableSpec,
  length: number,
  cells: readonly ((k: number) => Cell)[],
): ColumnarTable {
  return createCellTable({ spec, length, cells });
}

/** Options for {@link renderRelationalTables}. */
export interface RenderTablesOptions {
  /** The world. */
  readonly world: LeadScoringWorld;
  /** Id strings. */
  readonly ids: IdCache;
  /** Cut every table at each lead's snapshot (public mode). */
  readonly snapshotSafe: boolean;
  /** Also render customers and subscriptions. */
  readonly includeCustomers: boolean;
}

/**
 * Render the relational tables, as lazy tables computed from the world when written. In
 * snapshot-safe mode every event table keeps only rows on lead-days 0..snapshot_day,
 * opportunities keep only those created by then and show the stage as of the cutoff (the
 * reference published the end-of-horizon stage — its leak N1).
 */
export function renderRelationalTables(opts: RenderTablesOptions): ColumnarTable[] {
  const { world, ids, snapshotSafe } = opts;
  const { pop, outcomes, narrative, params } = world;
  const W = params.snapshot_day;
  const channels = narrative.gtm_motion.channels;
  const industries = narrative.market.icp_industries;
  const regions = narrative.market.geographies;

  const accounts = lazyTable(ACCOUNTS, pop.nAccounts, [
    (a) => ids.accounts[a]!,
    (a) => `Company ${ids.accounts[a]!}`,
    (a) => industries[pop.acctIndustry[a]!]!,
    (a) => regions[pop.acctRegion[a]!]!,
    (a) => EMPLOYEE_BANDS[pop.acctEmployees[a]!]!,
    (a) => REVENUE_BANDS[pop.acctRevenue[a]!]!,
    (a) => MATURITY_BANDS[pop.acctMaturityBand[a]!]!,
    (a) => pop.acctCreated[a]!,
  ]);

  const persona = (c: number) => narrative.personas[pop.cntPersona[c]!]!;
  const contacts = lazyTable(CONTACTS, pop.nContacts, [
    (c) => ids.contacts[c]!,
    (c) => ids.accounts[pop.cntAccount[c]!]!,
    (c) => persona(c).title_variants[pop.cntTitle[c]!]!,
    (c) => persona(c).role,
    (c) => SENIORITIES[pop.cntSeniority[c]!]!,
    (c) => persona(c).decision_authority,
    (c) => EMAIL_DOMAIN_TYPES[pop.cntEmail[c]!]!,
    (c) => pop.cntCreated[c]!,
  ]);

  const leads = lazyTable(LEADS, pop.nLeads, [
    (i) => ids.leads[i]!,
    (i) => ids.contacts[pop.leadContact[i]!]!,
    (i) => ids.accounts[pop.leadAccount[i]!]!,
    (i) => pop.leadCreated[i]!,
    (i) => channels[pop.leadSource[i]!]!,
    (i) => channels[pop.leadSource[i]!]!,
    (i) => STAGES[outcomes.finalStage[i]!]!,
    (i) => ids.reps[pop.leadRep[i]!]!,
    (i) => isSqlAt(outcomes, i, params.horizon_days),
    (i) => {
      const conv = outcomes.convDay[i]!;
      return conv >= 0 && conv <= params.label_window_days;
    },
    (i) => {
      const conv = outcomes.convDay[i]!;
      return conv >= 0 ? dayToMicros(pop.leadCreated[i]! + conv, 17 * 3600) : null;
    },
  ]);

  const keep = (t: number) => !snapshotSafe || t <= W;
  const created = pop.leadCreated;

  const tc = world.events.touches.cols;
  const touchRows = publishedOrder(world.events.touches, keep);
  const monthNames = campaignMonths(world);
  const touches = lazyTable(TOUCHES, touchRows.length, [
    (k) => makeId(ID_PREFIXES.touch, k + 1),
    (k) => ids.leads[tc.lead[touchRows[k]!]!]!,
    (k) => {
      const r = touchRows[k]!;
      return dayToMicros(created[tc.lead[r]!]! + tc.t[r]!, tc.sec[r]! >> 10);
    },
    (k) => TOUCH_TYPES[tc.type[touchRows[k]!]!]!,
    (k) => channels[tc.channel[touchRows[k]!]!]!,
    (k) => TOUCH_DIRECTIONS[tc.direction[touchRows[k]!]!]!,
    (k) => {
      const cmp = tc.campaign[touchRows[k]!]!;
      return cmp < 0 ? null : `cmp_${monthNames[cmp >> 3]}_${TOUCH_TYPES[cmp & 7]}`;
    },
  ]);

  const sc = world.events.sessions.cols;
  const sessRows = publishedOrder(world.events.sessions, keep);
  const sessions = lazyTable(SESSIONS, sessRows.length, [
    (k) => makeId(ID_PREFIXES.session, k + 1),
    (k) => ids.leads[sc.lead[sessRows[k]!]!]!,
    (k) => {
      const r = sessRows[k]!;
      return dayToMicros(created[sc.lead[r]!]! + sc.t[r]!, sc.sec[r]! >> 10);
    },
    (k) => SESSION_TYPES[sc.type[sessRows[k]!]!]!,
    (k) => sc.pages[sessRows[k]!]!,
    (k) => sc.pricing[sessRows[k]!]!,
    (k) => sc.demo[sessRows[k]!]!,
    (k) => sc.duration[sessRows[k]!]!,
  ]);

  const ac = world.events.activities.cols;
  const actRows = publishedOrder(world.events.activities, keep);
  const activities = lazyTable(SALES_ACTIVITIES, actRows.length, [
    (k) => makeId(ID_PREFIXES.sales_activity, k + 1),
    (k) => ids.leads[ac.lead[actRows[k]!]!]!,
    (k) => ids.reps[pop.leadRep[ac.lead[actRows[k]!]!]!]!,
    (k) => {
      const r = actRows[k]!;
      return dayToMicros(created[ac.lead[r]!]! + ac.t[r]!, ac.sec[r]! >> 10);
    },
    (k) => ACTIVITY_TYPES[ac.type[actRows[k]!]!]!,
    (k) => ACTIVITY_OUTCOMES[ac.outcome[actRows[k]!]!]!,
  ]);

  // Opportunities (ids by creation order over the full horizon, so public ids are a subset).
  const nOpp = world.oppLeads.length;
  const oppKeep = new Int32Array(nOpp);
  let nKept = 0;
  for (let k = 0; k < nOpp; k++) {
    if (!snapshotSafe || world.oppCreatedT[world.oppLeads[k]!]! <= W) oppKeep[nKept++] = k;
  }
  const oppNo = oppKeep.subarray(0, nKept);
  const oppLead = (k: number) => world.oppLeads[oppNo[k]!]!;
  const opportunities = lazyTable(OPPORTUNITIES, nKept, [
    (k) => makeId(ID_PREFIXES.opportunity, oppNo[k]! + 1),
    (k) => ids.leads[oppLead(k)]!,
    (k) => created[oppLead(k)]! + world.oppCreatedT[oppLead(k)]!,
    (k) => {
      const i = oppLead(k);
      return STAGES[snapshotSafe ? stageAt(outcomes, i, W) : outcomes.finalStage[i]!]!;
    },
    (k) => pop.leadAcv[oppLead(k)]!,
    (k) => {
      const i = oppLead(k);
      return closedDay(outcomes, i) < 0
        ? null
        : outcomes.convDay[i]! >= 0
          ? "closed_won"
          : "closed_lost";
    },
    (k) => {
      const i = oppLead(k);
      const closed = closedDay(outcomes, i);
      return closed < 0 ? null : created[i]! + closed;
    },
  ]);

  const out = [accounts, contacts, leads, touches, sessions, activities, opportunities];
  if (opts.includeCustomers) {
    const nCu = world.customerLeads.length;
    const lead = (k: number) => world.customerLeads[k]!;
    const day = (k: number) => created[lead(k)]! + outcomes.convDay[lead(k)]!;
    const custId = (k: number) => makeId(ID_PREFIXES.customer, k + 1);
    out.push(
      lazyTable(CUSTOMERS, nCu, [
        custId,
        (k) => makeId(ID_PREFIXES.opportunity, world.oppOfLead[lead(k)]! + 1),
        (k) => ids.accounts[pop.leadAccount[lead(k)]!]!,
        day,
      ]),
      lazyTable(SUBSCRIPTIONS, nCu, [
        (k) => makeId(ID_PREFIXES.subscription, k + 1),
        custId,
        (k) => {
          const acv = pop.leadAcv[lead(k)]!;
          return acv < 30_000 ? "starter" : acv < 80_000 ? "growth" : "enterprise";
        },
        day,
        () => "active",
      ]),
    );
  }
  return out;
}

/**
 * The rows of an event log that are published (lead-day kept by `keep`), in chronological
 * order — the order the world holds them in.
 */
function publishedOrder(
  log: { length: number; cols: { t: ArrayLike<number> } },
  keep: (t: number) => boolean,
): Int32Array {
  const t = log.cols.t;
  const rows = new Int32Array(log.length);
  let n = 0;
  for (let r = 0; r < log.length; r++) if (keep(t[r]!)) rows[n++] = r;
  return n === log.length ? rows : rows.slice(0, n);
}

function campaignMonths(world: LeadScoringWorld): string[] {
  const start = new Date(world.calendar.startDay * 86_400_000);
  const out: string[] = [];
  for (let m = 0; m < world.calendar.months; m++) {
    const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1));
    out.push(`${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, "0")}`);
  }
  return out;
}
