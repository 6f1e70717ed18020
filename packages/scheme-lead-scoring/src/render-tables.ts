import {
  type ColumnarTable,
  type ColumnValues,
  checkTable,
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

function table(spec: TableSpec, length: number, columns: ColumnValues[]): ColumnarTable {
  return checkTable({ spec, length, columns });
}

function pick<T>(vocab: readonly T[], codes: ArrayLike<number>, n: number): T[] {
  const out = new Array<T>(n);
  for (let k = 0; k < n; k++) out[k] = vocab[codes[k]!]!;
  return out;
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
 * Render the relational tables. In snapshot-safe mode every event table keeps only rows on
 * lead-days 0..snapshot_day, opportunities keep only those created by then and show the
 * stage as of the cutoff (the reference published the end-of-horizon stage — its leak N1).
 */
export function renderRelationalTables(opts: RenderTablesOptions): ColumnarTable[] {
  const { world, ids, snapshotSafe } = opts;
  const { pop, outcomes, narrative, params } = world;
  const W = params.snapshot_day;
  const nA = pop.nAccounts;
  const nC = pop.nContacts;
  const nL = pop.nLeads;
  const channels = narrative.gtm_motion.channels;
  const industries = narrative.market.icp_industries;
  const regions = narrative.market.geographies;

  const accounts = table(ACCOUNTS, nA, [
    ids.accounts,
    ids.accounts.map((id) => `Company ${id}`),
    pick(industries, pop.acctIndustry, nA),
    pick(regions, pop.acctRegion, nA),
    pick(EMPLOYEE_BANDS, pop.acctEmployees, nA),
    pick(REVENUE_BANDS, pop.acctRevenue, nA),
    pick(MATURITY_BANDS, pop.acctMaturityBand, nA),
    Array.from(pop.acctCreated),
  ]);

  const titles = new Array<string>(nC);
  const roles = new Array<string>(nC);
  const buyer = new Array<string>(nC);
  for (let c = 0; c < nC; c++) {
    const persona = narrative.personas[pop.cntPersona[c]!]!;
    titles[c] = persona.title_variants[pop.cntTitle[c]!]!;
    roles[c] = persona.role;
    buyer[c] = persona.decision_authority;
  }
  const contacts = table(CONTACTS, nC, [
    ids.contacts,
    Array.from(pop.cntAccount, (a) => ids.accounts[a]!),
    titles,
    roles,
    pick(SENIORITIES, pop.cntSeniority, nC),
    buyer,
    pick(EMAIL_DOMAIN_TYPES, pop.cntEmail, nC),
    Array.from(pop.cntCreated),
  ]);

  const finalStage = new Array<string>(nL);
  const isSql = new Array<boolean>(nL);
  const label = new Array<boolean>(nL);
  const convTs = new Array<number | null>(nL);
  for (let i = 0; i < nL; i++) {
    finalStage[i] = STAGES[outcomes.finalStage[i]!]!;
    isSql[i] = isSqlAt(outcomes, i, params.horizon_days);
    const conv = outcomes.convDay[i]!;
    label[i] = conv >= 0 && conv <= params.label_window_days;
    convTs[i] = conv >= 0 ? dayToMicros(pop.leadCreated[i]! + conv, 17 * 3600) : null;
  }
  const sources = pick(channels, pop.leadSource, nL);
  const leads = table(LEADS, nL, [
    ids.leads,
    Array.from(pop.leadContact, (c) => ids.contacts[c]!),
    Array.from(pop.leadAccount, (a) => ids.accounts[a]!),
    Array.from(pop.leadCreated),
    sources,
    sources,
    finalStage,
    Array.from(pop.leadRep, (r) => ids.reps[r]!),
    isSql,
    label,
    convTs,
  ]);

  const keep = (t: number) => !snapshotSafe || t <= W;
  const created = pop.leadCreated;

  const tb = world.events.touches;
  const tc = tb.cols;
  const touchRows = filterOrder(world.order.touches, tc.t as Int32Array, keep);
  const nT = touchRows.length;
  const touchCols: ColumnValues[] = [
    new Array<string>(nT),
    new Array<string>(nT),
    new Array<number>(nT),
    new Array<string>(nT),
    new Array<string>(nT),
    new Array<string>(nT),
    new Array<string | null>(nT),
  ];
  const monthNames = campaignMonths(world);
  for (let k = 0; k < nT; k++) {
    const r = touchRows[k]!;
    const lead = tc.lead[r]!;
    const type = tc.type[r]!;
    touchCols[0]![k] = makeId(ID_PREFIXES.touch, k + 1);
    touchCols[1]![k] = ids.leads[lead]!;
    touchCols[2]![k] = dayToMicros(created[lead]! + tc.t[r]!, tc.sec[r]! >> 10);
    touchCols[3]![k] = TOUCH_TYPES[type]!;
    touchCols[4]![k] = channels[tc.channel[r]!]!;
    touchCols[5]![k] = TOUCH_DIRECTIONS[tc.direction[r]!]!;
    const cmp = tc.campaign[r]!;
    touchCols[6]![k] = cmp < 0 ? null : `cmp_${monthNames[cmp >> 3]}_${TOUCH_TYPES[cmp & 7]}`;
  }
  const touches = table(TOUCHES, nT, touchCols);

  const sc = world.events.sessions.cols;
  const sessRows = filterOrder(world.order.sessions, sc.t as Int32Array, keep);
  const nS = sessRows.length;
  const sessCols: ColumnValues[] = Array.from({ length: 8 }, () => new Array(nS));
  for (let k = 0; k < nS; k++) {
    const r = sessRows[k]!;
    const lead = sc.lead[r]!;
    sessCols[0]![k] = makeId(ID_PREFIXES.session, k + 1);
    sessCols[1]![k] = ids.leads[lead]!;
    sessCols[2]![k] = dayToMicros(created[lead]! + sc.t[r]!, sc.sec[r]! >> 10);
    sessCols[3]![k] = SESSION_TYPES[sc.type[r]!]!;
    sessCols[4]![k] = sc.pages[r]!;
    sessCols[5]![k] = sc.pricing[r]!;
    sessCols[6]![k] = sc.demo[r]!;
    sessCols[7]![k] = sc.duration[r]!;
  }
  const sessions = table(SESSIONS, nS, sessCols);

  const ac = world.events.activities.cols;
  const actRows = filterOrder(world.order.activities, ac.t as Int32Array, keep);
  const nAct = actRows.length;
  const actCols: ColumnValues[] = Array.from({ length: 6 }, () => new Array(nAct));
  for (let k = 0; k < nAct; k++) {
    const r = actRows[k]!;
    const lead = ac.lead[r]!;
    actCols[0]![k] = makeId(ID_PREFIXES.sales_activity, k + 1);
    actCols[1]![k] = ids.leads[lead]!;
    actCols[2]![k] = ids.reps[pop.leadRep[lead]!]!;
    actCols[3]![k] = dayToMicros(created[lead]! + ac.t[r]!, ac.sec[r]! >> 10);
    actCols[4]![k] = ACTIVITY_TYPES[ac.type[r]!]!;
    actCols[5]![k] = ACTIVITY_OUTCOMES[ac.outcome[r]!]!;
  }
  const activities = table(SALES_ACTIVITIES, nAct, actCols);

  // Opportunities (ids by creation order over the full horizon, so public ids are a subset).
  const oppCols: ColumnValues[] = Array.from({ length: 7 }, () => [] as never[]);
  const nOpp = world.oppLeads.length;
  for (let k = 0; k < nOpp; k++) {
    const i = world.oppLeads[k]!;
    const ct = world.oppCreatedT[i]!;
    if (snapshotSafe && ct > W) continue;
    const closed = closedDay(outcomes, i);
    const won = outcomes.convDay[i]! >= 0;
    (oppCols[0] as string[]).push(makeId(ID_PREFIXES.opportunity, k + 1));
    (oppCols[1] as string[]).push(ids.leads[i]!);
    (oppCols[2] as number[]).push(created[i]! + ct);
    (oppCols[3] as string[]).push(
      STAGES[snapshotSafe ? stageAt(outcomes, i, W) : outcomes.finalStage[i]!]!,
    );
    (oppCols[4] as number[]).push(pop.leadAcv[i]!);
    (oppCols[5] as (string | null)[]).push(closed < 0 ? null : won ? "closed_won" : "closed_lost");
    (oppCols[6] as (number | null)[]).push(closed < 0 ? null : created[i]! + closed);
  }
  const opportunities = table(OPPORTUNITIES, (oppCols[0] as string[]).length, oppCols);

  const out = [accounts, contacts, leads, touches, sessions, activities, opportunities];
  if (opts.includeCustomers) {
    const nCu = world.customerLeads.length;
    const custCols: ColumnValues[] = Array.from({ length: 4 }, () => new Array(nCu));
    const subCols: ColumnValues[] = Array.from({ length: 5 }, () => new Array(nCu));
    for (let k = 0; k < nCu; k++) {
      const i = world.customerLeads[k]!;
      const day = created[i]! + outcomes.convDay[i]!;
      const custId = makeId(ID_PREFIXES.customer, k + 1);
      custCols[0]![k] = custId;
      custCols[1]![k] = makeId(ID_PREFIXES.opportunity, world.oppOfLead[i]! + 1);
      custCols[2]![k] = ids.accounts[pop.leadAccount[i]!]!;
      custCols[3]![k] = day;
      const acv = pop.leadAcv[i]!;
      subCols[0]![k] = makeId(ID_PREFIXES.subscription, k + 1);
      subCols[1]![k] = custId;
      subCols[2]![k] = acv < 30_000 ? "starter" : acv < 80_000 ? "growth" : "enterprise";
      subCols[3]![k] = day;
      subCols[4]![k] = "active";
    }
    out.push(table(CUSTOMERS, nCu, custCols), table(SUBSCRIPTIONS, nCu, subCols));
  }
  return out;
}

function filterOrder(order: Int32Array, t: Int32Array, keep: (t: number) => boolean): Int32Array {
  let n = 0;
  const out = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const r = order[k]!;
    if (keep(t[r]!)) out[n++] = r;
  }
  return out.subarray(0, n);
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
