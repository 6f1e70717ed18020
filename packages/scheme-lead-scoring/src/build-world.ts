import { type BuildContext, CancelledError } from "@leadforge/core";
import { type Calibration, calibrateConversion } from "./calibrate.js";
import {
  type CausalInputs,
  type CausalModel,
  compileCausalModel,
  N_DISTURBANCES,
  standardizeModel,
} from "./causal-model.js";
import { chronologicalOrder } from "./chronological-order.js";
import { LEAD_SCORING_EXPOSURE } from "./exposure.js";
import { type MechanismParams, resolveMechanisms } from "./mechanisms.js";
import type { LeadScoringNarrative } from "./narrative.js";
import { oracleScores, priorScores } from "./oracle-scores.js";
import type { LeadScoringParams, PopulationSizes } from "./params.js";
import { resolvePopulationSizes } from "./params.js";
import {
  buildPopulation,
  type Population,
  type PopulationContext,
  samplePrototypes,
  withoutHiddenTraits,
} from "./population.js";
import type { LeadScoringProfile } from "./profile.js";
import { type HiddenGraph, sampleGraph } from "./sample-graph.js";
import {
  allocateOutcomes,
  createEventBuffers,
  type EventBuffers,
  type LeadOutcomes,
  simulateAccount,
} from "./simulate-account.js";
import { N_REPS, STAGE_SQL } from "./vocabulary.js";
import { createWorldCalendar, type WorldCalendar } from "./world-calendar.js";

/** Prototype leads used to standardise the graph and calibrate the conversion level. */
export const CALIBRATION_SAMPLE = 2000;

/** The simulated world: population, hidden truth, outcomes and event logs. */
export interface LeadScoringWorld {
  /** Params. */
  readonly params: LeadScoringParams;
  /** Resolved sizes. */
  readonly sizes: PopulationSizes;
  /** Narrative. */
  readonly narrative: LeadScoringNarrative;
  /** Tier profile. */
  readonly profile: LeadScoringProfile;
  /** Hidden graph. */
  readonly graph: HiddenGraph;
  /** Executable graph (standardised). */
  readonly model: CausalModel;
  /** Mechanism parameters actually simulated. */
  readonly mech: MechanismParams;
  /** Calibration facts. */
  readonly calibration: Calibration;
  /** Calendar. */
  readonly calendar: WorldCalendar;
  /** Rep quality (z) per rep. */
  readonly repQuality: Float64Array;
  /** Rep cadence style (z) per rep. */
  readonly repCadence: Float64Array;
  /**
   * Population. In a mode without instructor metadata its hidden-trait columns
   * (`HIDDEN_TRAIT_FIELDS`) are empty, as are `outcomes.hazards` and `outcomes.drivers`.
   */
  readonly pop: Population;
  /** Per-lead outcomes. */
  readonly outcomes: LeadOutcomes;
  /**
   * Event logs, rows in chronological order (`chronologicalOrder`: day, second, lead); a
   * snapshot-safe world holds only the events up to each lead's snapshot.
   */
  readonly events: EventBuffers;
  /** Opportunity index per lead (−1 = none); opportunities are numbered chronologically. */
  readonly oppOfLead: Int32Array;
  /** Lead per opportunity index. */
  readonly oppLeads: Int32Array;
  /** Lead-day each opportunity was created. */
  readonly oppCreatedT: Int32Array;
  /** Lead per customer index (converted leads, numbered chronologically). */
  readonly customerLeads: Int32Array;
  /** Accounts simulated: all of them, or one worker's range before merging. */
  readonly range: { readonly start: number; readonly end: number };
  /** False for a partial world (a worker's range), whose orders and entity lists are empty. */
  readonly finalized: boolean;
}

/** Test hook: the order in which accounts are processed (the output must not depend on it). */
export interface BuildWorldOptions {
  /** A permutation of 0..n_accounts−1. */
  readonly accountOrder?: readonly number[];
}

/**
 * Build the world: hidden graph, calendar, reps, population (per account), structural
 * model standardisation and conversion calibration on a prototype sample, then the daily
 * simulation of every account's leads from the account's own keyed stream.
 */
export function buildWorld(
  ctx: BuildContext<LeadScoringParams, LeadScoringNarrative, LeadScoringProfile>,
  options: BuildWorldOptions = {},
): LeadScoringWorld {
  const { params } = ctx.config;
  const { narrative, profile, rng } = ctx;
  const sizes = resolvePopulationSizes(params);
  const channels = narrative.gtm_motion.channels;
  const graph = sampleGraph(rng.stream("hidden_graph"), params.motif_family);
  const calendar = createWorldCalendar({
    rng: rng.stream("calendar"),
    creationDays: params.lead_creation_days,
    horizonDays: params.horizon_days,
    channels,
  });
  const repRng = rng.stream("reps");
  const repQuality = new Float64Array(N_REPS);
  const repCadence = new Float64Array(N_REPS);
  for (let k = 0; k < N_REPS; k++) {
    repQuality[k] = repRng.normal();
    repCadence[k] = repRng.normal();
  }
  const popCtx: PopulationContext = {
    rng,
    family: graph.family,
    narrative,
    calendar,
    repCadence,
    nDisturbances: N_DISTURBANCES,
  };
  ctx.progress({ stage: "population", done: 0, total: sizes.nAccounts, unit: "accounts" });
  const range = ctx.unitRange ?? { start: 0, end: sizes.nAccounts };
  const pop = buildPopulation({
    ctx: popCtx,
    nAccounts: sizes.nAccounts,
    nContacts: sizes.nContacts,
    nLeads: sizes.nLeads,
    range,
    ...(options.accountOrder ? { accountOrder: options.accountOrder } : {}),
  });
  const inputs: CausalInputs = { calendar, repQuality };
  const model = compileCausalModel(graph);
  const protos = samplePrototypes(popCtx, CALIBRATION_SAMPLE);
  standardizeModel(model, protos, inputs);
  const base = resolveMechanisms(profile, params.snapshot_day);
  const [lo, hi] = profile.conversion_rate_range;
  const calibration = calibrateConversion({
    model,
    mech: base,
    protos,
    inputs,
    calendar,
    channels,
    target: (lo + hi) / 2,
    lastDay: Math.min(params.horizon_days - 1, params.label_window_days),
    horizonDays: params.horizon_days,
    rng,
  });
  const mech: MechanismParams = { ...base, calibrationShift: calibration.shift };

  // Hidden truth (hazards, drivers, latent traits) is kept only for modes that publish
  // instructor metadata; the public render never reads it.
  const rule = LEAD_SCORING_EXPOSURE[ctx.config.common.exposure_mode];
  const truth = rule?.metadata ?? true;
  const outcomes = allocateOutcomes(sizes.nLeads, truth);
  // Outcomes are indexed by global lead index, but events only grow with the leads simulated
  // here: a worker sizes them for its account range, not the population.
  const rangeLeads = pop.acctLeadOffsets[range.end]! - pop.acctLeadOffsets[range.start]!;
  const events = createEventBuffers(rangeLeads);
  const sim = { pop, model, mech, inputs, calendar, channels, horizonDays: params.horizon_days };
  const total = range.end - range.start;
  const step = Math.max(1, Math.floor(total / 20));
  let done = 0;
  for (let k = 0; k < sizes.nAccounts; k++) {
    const a = options.accountOrder ? options.accountOrder[k]! : k;
    if (a < range.start || a >= range.end) continue;
    simulateAccount(a, rng.stream("simulate", a), sim, outcomes, events);
    if (++done % step === 0) {
      if (ctx.signal?.aborted) throw new CancelledError();
      ctx.progress({ stage: "simulate", done, total, unit: "accounts" });
    }
  }
  ctx.progress({ stage: "simulate", done: total, total, unit: "accounts" });
  // The trap column counts touches over the whole horizon; count them before a
  // snapshot-safe world drops the events it will never publish (about half of them).
  const touchLead = events.touches.cols.lead;
  for (let r = 0; r < events.touches.length; r++) outcomes.horizonTouches[touchLead[r]!]!++;
  if (rule?.snapshotSafe) {
    const W = params.snapshot_day;
    for (const log of [events.touches, events.sessions, events.activities]) {
      const t = log.cols.t;
      log.retain((r) => t[r]! <= W);
    }
  }
  // Chronological row order, sorted here (on the world-building thread): merging sorted
  // parts is then a linear merge, and the render publishes rows in buffer order. The
  // permutation also leaves exact-length columns.
  for (const log of [events.touches, events.sessions, events.activities]) {
    log.permute(
      chronologicalOrder({
        length: log.length,
        lead: log.cols.lead as Int32Array,
        t: log.cols.t as Int16Array,
        sec: log.cols.sec as Int32Array,
        created: pop.leadCreated,
        startDay: calendar.startDay,
      }),
    );
  }

  const part: LeadScoringWorld = {
    params,
    sizes,
    narrative,
    profile,
    graph,
    model,
    mech,
    calibration,
    calendar,
    repQuality,
    repCadence,
    pop: truth ? pop : withoutHiddenTraits(pop),
    outcomes,
    events,
    oppOfLead: EMPTY,
    oppLeads: EMPTY,
    oppCreatedT: EMPTY,
    customerLeads: EMPTY,
    range,
    finalized: false,
  };
  if (truth) {
    // The instructor oracle and prior are per lead: score this range's leads here, on the
    // world-building thread, rather than all leads at render time.
    const leads = pop.acctLeads.subarray(
      pop.acctLeadOffsets[range.start],
      pop.acctLeadOffsets[range.end],
    );
    oracleScores(part, { leads, into: outcomes.oracle });
    priorScores(part, { leads, into: outcomes.prior });
  }
  return ctx.unitRange ? part : finalizeWorld(part);
}

const EMPTY = new Int32Array(0);

/**
 * Finish a (complete or merged) world: the opportunity and customer lists, numbered by date.
 */
export function finalizeWorld(world: LeadScoringWorld): LeadScoringWorld {
  const { pop, outcomes, sizes } = world;

  // Opportunities: one per lead that reached SQL or converted, numbered by creation date.
  const n = sizes.nLeads;
  const oppCreatedT = new Int32Array(n).fill(-1);
  let nOpp = 0;
  let nCust = 0;
  for (let i = 0; i < n; i++) {
    const sql = outcomes.stageEnter[i * 7 + STAGE_SQL]!;
    const conv = outcomes.convDay[i]!;
    if (sql >= 0 || conv >= 0) {
      oppCreatedT[i] = sql >= 0 ? sql : conv;
      nOpp++;
    }
    if (conv >= 0) nCust++;
  }
  const oppLeads = new Int32Array(nOpp);
  const customerLeads = new Int32Array(nCust);
  let o = 0;
  let cu = 0;
  for (let i = 0; i < n; i++) {
    if (oppCreatedT[i]! >= 0) oppLeads[o++] = i;
    if (outcomes.convDay[i]! >= 0) customerLeads[cu++] = i;
  }
  const created = pop.leadCreated;
  oppLeads.sort((x, y) => created[x]! + oppCreatedT[x]! - (created[y]! + oppCreatedT[y]!) || x - y);
  customerLeads.sort(
    (x, y) => created[x]! + outcomes.convDay[x]! - (created[y]! + outcomes.convDay[y]!) || x - y,
  );
  const oppOfLead = new Int32Array(n).fill(-1);
  for (let k = 0; k < nOpp; k++) oppOfLead[oppLeads[k]!] = k;

  return {
    ...world,
    oppOfLead,
    oppLeads,
    oppCreatedT,
    customerLeads,
    range: { start: 0, end: sizes.nAccounts },
    finalized: true,
  };
}
