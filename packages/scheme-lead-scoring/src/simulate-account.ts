import type { Rng } from "@leadforge/core";
import type { CausalInputs, CausalModel } from "./causal-model.js";
import { EventBuffer } from "./event-buffer.js";
import { latentZ, sigmoid } from "./latent.js";
import {
  applyLateHazards,
  computeDrivers,
  computeHazards,
  createDriverScratch,
  HAZARD_SLOTS,
  type LeadDrivers,
  type MechanismParams,
  nonlinearBlock,
} from "./mechanisms.js";
import type { Population } from "./population.js";
import {
  OPEN_STAGES,
  STAGE_DEMO_COMPLETED,
  STAGE_DEMO_SCHEDULED,
  STAGE_LOST,
  STAGE_NEGOTIATION,
  STAGE_SQL,
  STAGE_WON,
} from "./vocabulary.js";
import { quarterEndFlag, type WorldCalendar } from "./world-calendar.js";

/** Touch event columns. */
export type TouchColumn = "lead" | "t" | "sec" | "type" | "direction" | "channel" | "campaign";
/** Session event columns. */
export type SessionColumn =
  | "lead"
  | "t"
  | "sec"
  | "type"
  | "pages"
  | "pricing"
  | "demo"
  | "duration";
/** Sales-activity event columns. */
export type ActivityColumn = "lead" | "t" | "sec" | "type" | "outcome";

/** Event buffers shared by all accounts (rows are sorted chronologically afterwards). */
export interface EventBuffers {
  /** Touches. */
  readonly touches: EventBuffer<TouchColumn>;
  /** Web sessions. */
  readonly sessions: EventBuffer<SessionColumn>;
  /** Sales activities. */
  readonly activities: EventBuffer<ActivityColumn>;
}

/**
 * Expected events per lead at the shipped recipe's tiers (touches ≈ 12.3, sessions ≈ 3.2,
 * activities ≈ 13 measured at 100,000 leads), rounded up so a typical run never grows.
 */
const TOUCHES_PER_LEAD = 13;
const SESSIONS_PER_LEAD = 4;
const ACTIVITIES_PER_LEAD = 14;

/**
 * Create empty event buffers sized for `nLeads` simulated leads (a worker passes the leads
 * of its account range, not the population). The lead-day `t` is below `horizon_days`
 * (≤ 3650) and a campaign code is month index × 8 + type with at most ~270 months in the
 * calendar, so both fit Int16Array.
 */
export function createEventBuffers(nLeads: number): EventBuffers {
  return {
    touches: new EventBuffer<TouchColumn>(
      {
        lead: Int32Array,
        t: Int16Array,
        sec: Int32Array,
        type: Uint8Array,
        direction: Uint8Array,
        channel: Uint8Array,
        campaign: Int16Array,
      },
      Math.max(1024, nLeads * TOUCHES_PER_LEAD),
    ),
    sessions: new EventBuffer<SessionColumn>(
      {
        lead: Int32Array,
        t: Int16Array,
        sec: Int32Array,
        type: Uint8Array,
        // Counts from poissonSmall (≤ 1000 each): pages ≤ 1 + 3 × 1000 fits Int16Array.
        pages: Int16Array,
        pricing: Int16Array,
        demo: Int16Array,
        // Unbounded in principle (a log-normal factor): stays Int32Array.
        duration: Int32Array,
      },
      Math.max(1024, nLeads * SESSIONS_PER_LEAD),
    ),
    activities: new EventBuffer<ActivityColumn>(
      { lead: Int32Array, t: Int16Array, sec: Int32Array, type: Uint8Array, outcome: Uint8Array },
      Math.max(1024, nLeads * ACTIVITIES_PER_LEAD),
    ),
  };
}

/** Per-lead outcomes of the simulation (index = lead). */
export interface LeadOutcomes {
  /** Lead-day each open stage was entered (−1 = never), 7 per lead. */
  readonly stageEnter: Int16Array;
  /** Final stage index at the end of the horizon. */
  readonly finalStage: Uint8Array;
  /** Lead-day of conversion (−1 = none). */
  readonly convDay: Int16Array;
  /** Lead-day of churn (−1 = none). */
  readonly churnDay: Int16Array;
  /**
   * Touches over the whole horizon (the snapshot's trap column), counted before a
   * snapshot-safe world drops its post-snapshot events.
   */
  readonly horizonTouches: Int32Array;
  /**
   * The oracle (true label probability at the snapshot) and the prior (at creation) per
   * lead, computed with the world so they run on the world-building threads. Empty in a
   * world without hidden truth.
   */
  readonly oracle: Float64Array;
  /** See {@link LeadOutcomes.oracle}. */
  readonly prior: Float64Array;
  /**
   * Daily hazards, {@link HAZARD_SLOTS} per lead. Hidden truth read only by instructor
   * metadata: empty (length 0) when the exposure mode publishes no metadata.
   */
  readonly hazards: Float64Array;
  /**
   * Drivers per lead: engagement, progress, sales, outcome, eta, late noise, block (7 per
   * lead). Empty (length 0), like `hazards`, when the mode publishes no metadata.
   */
  readonly drivers: Float64Array;
}

/** Number of driver values stored per lead. */
export const DRIVER_SLOTS = 7;

/**
 * Allocate outcome arrays for `n` leads; `truth: false` leaves the instructor-only
 * `hazards` and `drivers` empty (the simulation then skips writing them).
 */
export function allocateOutcomes(n: number, truth = true): LeadOutcomes {
  const m = truth ? n : 0;
  return {
    stageEnter: new Int16Array(n * OPEN_STAGES).fill(-1),
    finalStage: new Uint8Array(n),
    convDay: new Int16Array(n).fill(-1),
    churnDay: new Int16Array(n).fill(-1),
    hazards: new Float64Array(m * HAZARD_SLOTS),
    drivers: new Float64Array(m * DRIVER_SLOTS),
    oracle: new Float64Array(m),
    prior: new Float64Array(m),
    horizonTouches: new Int32Array(n),
  };
}

/** Everything the per-account simulation reads. */
export interface SimulationContext {
  /** Population. */
  readonly pop: Population;
  /** Executable graph. */
  readonly model: CausalModel;
  /** Mechanism parameters (calibrated). */
  readonly mech: MechanismParams;
  /** Graph inputs (calendar, reps). */
  readonly inputs: CausalInputs;
  /** Calendar. */
  readonly calendar: WorldCalendar;
  /** Channel names (narrative order). */
  readonly channels: readonly string[];
  /** Days simulated per lead. */
  readonly horizonDays: number;
}

/** Touch types: email 0, call 1, linkedin_message 2, content_download 3, webinar 4. */
const INBOUND_TYPE_WEIGHTS = [0.35, 0, 0, 0.4, 0.25];
const OUTBOUND_TYPE_WEIGHTS = [0.5, 0.3, 0.2, 0, 0];
/** Share of inbound touches by channel name at mql / later. */
const INBOUND_SHARE: Readonly<Record<string, readonly [number, number]>> = {
  inbound_marketing: [0.65, 0.35],
  sdr_outbound: [0.15, 0.2],
  partner_referral: [0.45, 0.3],
};
/** Nurture touch types: e-mail (outbound), content download and webinar (inbound). */
const NURTURE_TYPE_WEIGHTS = [0.6, 0, 0, 0.25, 0.15];
/** Touch volume multiplier by open stage. */
const STAGE_TOUCH = [1, 0.9, 1, 1.1, 1.1, 1, 0.9];
/** Activity types (call 0, email 1, meeting 2, demo 3) by open stage. */
const ACTIVITY_TYPE_WEIGHTS: readonly (readonly number[])[] = [
  [1, 0, 0, 0],
  [0.5, 0.5, 0, 0],
  [0.4, 0.4, 0.2, 0],
  [0.1, 0.2, 0.5, 0.2],
  [0.1, 0.2, 0.3, 0.4],
  [0.2, 0.4, 0.4, 0],
  [0.3, 0.2, 0.5, 0],
];
/** Activity outcomes: connected 0, no_answer 1, left_voicemail 2, meeting_set 3, demo_completed 4. */

/** A second of the business day (08:00–19:00 UTC) from one 32-bit draw. */
function businessSecond(r: Rng): number {
  return 8 * 3600 + Math.floor((r.nextU32() * 39_600) / 4_294_967_296);
}

/**
 * Poisson(λ) by inversion with a single uniform (λ is small: a daily event rate). Capped at
 * 1000, which the Int16Array session count columns rely on.
 */
function poissonSmall(r: Rng, lambda: number): number {
  let p = Math.exp(-lambda);
  let cum = p;
  const u = r.next();
  let k = 0;
  while (u > cum && k < 1000) {
    k++;
    p *= lambda / k;
    cum += p;
  }
  return k;
}

/**
 * Simulate every lead of account `a` over the horizon, day by day in the reference's order
 * of operations: churn (an event-free day), stage advance — or the close draw at
 * negotiation —, the rare direct conversion from mql/sal, then the day's touches, at most
 * one web session (only on touch days) and at most one sales activity (sal … negotiation).
 * All draws come from the account's own stream `("simulate", a)`.
 */
export function simulateAccount(
  a: number,
  r: Rng,
  sim: SimulationContext,
  out: LeadOutcomes,
  events: EventBuffers,
): void {
  const { pop, model, mech, inputs, calendar, channels, horizonDays } = sim;
  const scratch = createDriverScratch(model);
  const drivers: LeadDrivers = {
    engagement: 0,
    progress: 0,
    sales: 0,
    outcome: 0,
    eta: 0,
    late: 0,
  };
  const h = new Float64Array(HAZARD_SLOTS);
  const { touches, sessions, activities } = events;
  // Hazards and drivers are kept only when allocated (instructor metadata reads them).
  const truth = out.hazards.length > 0;
  const tc = mech.touches;
  const minDwell = mech.minDwellDays;
  const closeMinDwell = mech.closeMinDwellDays;
  const monthBase = calendar.startDay;
  // Per-day touch base rate and per-stage activity probability, computed once.
  const decay = new Float64Array(horizonDays);
  for (let t = 0; t < horizonDays; t++) decay[t] = Math.max(tc.floor, tc.base * tc.decay ** t);
  const pAct = new Float64Array(OPEN_STAGES);
  for (let p = pop.acctLeadOffsets[a]!; p < pop.acctLeadOffsets[a + 1]!; p++) {
    const i = pop.acctLeads[p]!;
    const c = pop.leadContact[i]!;
    const channelName = channels[pop.leadSource[i]!]!;
    computeDrivers(model, mech, pop, i, inputs, channels, scratch, drivers);
    computeHazards(mech, drivers, channelName, h);
    const d0 = i * DRIVER_SLOTS;
    if (truth) {
      out.hazards.set(h, i * HAZARD_SLOTS);
      out.drivers[d0] = drivers.engagement;
      out.drivers[d0 + 1] = drivers.progress;
      out.drivers[d0 + 2] = drivers.sales;
      out.drivers[d0 + 3] = drivers.outcome;
      out.drivers[d0 + 4] = drivers.eta;
      out.drivers[d0 + 5] = drivers.late;
    }

    const created = pop.leadCreated[i]!;
    const E = drivers.engagement;
    const touchScale = Math.exp(tc.engagement * E + tc.cadence * pop.leadCadence[i]!);
    const pSession = sigmoid(mech.sessions.intercept + mech.sessions.engagement * E);
    const pricingRate =
      mech.pricingViews.base * Math.exp(mech.pricingViews.intent * pop.leadPricingIntent[i]!);
    const pageRate = 1.6 * Math.exp(0.25 * E);
    const demoRate = 0.9 * Math.exp(0.3 * E);
    const zResp = latentZ(pop.cntResponsiveness[c]!);
    const actBase = mech.activities.sales * drivers.sales + mech.activities.responsiveness * zResp;
    for (let s = 1; s < OPEN_STAGES; s++)
      pAct[s] = sigmoid(mech.activities.intercepts[s]! + actBase);
    const pConnectCall = sigmoid(-0.2 + 0.6 * zResp);
    const pConnectEmail = sigmoid(-0.9 + 0.6 * zResp);
    const inShare = INBOUND_SHARE[channelName] ?? [0.4, 0.3];
    const sdr = channels.indexOf("sdr_outbound");
    const inbound = channels.indexOf("inbound_marketing");
    const source = pop.leadSource[i]!;
    const enter = i * OPEN_STAGES;
    out.stageEnter[enter] = 0;

    let stage = 0;
    let dwell = 0;
    let final = 0;
    let seq = 0;
    let late = 0;
    let wTouches = 0;
    let wPricing = 0;
    let wSessions = 0;
    const window = mech.engagementWindow;
    const seniority = pop.cntSeniority[c]!;
    for (let t = 0; t < horizonDays; t++) {
      const day = created + t;
      if (t === window + 1) {
        // The engagement window is over: closing now also reads the lead's history.
        const block = nonlinearBlock(mech, wTouches, wPricing, wSessions, seniority);
        applyLateHazards(mech, drivers, block, h);
        if (truth) {
          out.drivers[d0 + 6] = block;
          out.hazards.set(h, i * HAZARD_SLOTS);
        }
        late = 4;
      }
      if (r.next() < h[6]!) {
        out.churnDay[i] = t;
        final = STAGE_LOST;
        break;
      }
      const qe = quarterEndFlag(calendar, day) === 1;
      let won = false;
      if (stage === STAGE_NEGOTIATION) {
        const u = r.next();
        if (dwell >= closeMinDwell && u < (qe ? h[8 + late]! : h[7 + late]!)) won = true;
      } else {
        const u = r.next();
        if (dwell >= minDwell && u < h[stage]!) {
          stage++;
          dwell = 0;
          out.stageEnter[enter + stage] = t;
        }
      }
      if (!won && stage <= 1 && r.next() < (qe ? h[10 + late]! : h[9 + late]!)) won = true;

      // Touches: recency-decayed, scaled by engagement and outreach cadence.
      const lambda = decay[t]! * touchScale * STAGE_TOUCH[stage]!;
      const n = poissonSmall(r, lambda);
      if (t <= window) wTouches += n;
      const share = stage === 0 ? inShare[0] : inShare[1];
      for (let k = 0; k < n; k++) {
        const row = touches.push();
        const isIn = r.next() < share;
        const type = r.categorical(isIn ? INBOUND_TYPE_WEIGHTS : OUTBOUND_TYPE_WEIGHTS);
        const tcols = touches.cols;
        tcols.lead[row] = i;
        tcols.t[row] = t;
        tcols.sec[row] = businessSecond(r) * 1024 + (seq++ & 1023);
        tcols.type[row] = type;
        tcols.direction[row] = isIn ? 0 : 1;
        tcols.channel[row] =
          stage === 0 ? source : isIn ? (inbound >= 0 ? inbound : source) : sdr >= 0 ? sdr : source;
        tcols.campaign[row] = isIn ? (calendar.monthOfDay[day - monthBase] ?? 0) * 8 + type : -1;
      }
      // At most one web session per touch day.
      if (n > 0 && r.next() < pSession) {
        const row = sessions.push();
        const pages = 1 + poissonSmall(r, pageRate);
        const pricing = poissonSmall(
          r,
          stage >= STAGE_SQL ? pricingRate * mech.pricingViews.sqlMultiplier : pricingRate,
        );
        const demo =
          stage === STAGE_DEMO_SCHEDULED || stage === STAGE_DEMO_COMPLETED
            ? poissonSmall(r, demoRate)
            : 0;
        const duration = Math.round(25 * (pages + pricing + demo) * Math.exp(r.normal(0.9, 0.35)));
        const scols = sessions.cols;
        scols.lead[row] = i;
        scols.t[row] = t;
        scols.sec[row] = businessSecond(r) * 1024 + (seq++ & 1023);
        scols.type[row] = demo > 0 ? 2 : pricing > 0 ? 1 : 0;
        scols.pages[row] = pages + pricing + demo;
        scols.pricing[row] = pricing;
        scols.demo[row] = demo;
        scols.duration[row] = Math.max(10, duration);
        if (t <= window) {
          wSessions++;
          wPricing += pricing;
        }
      }
      if (won) {
        out.convDay[i] = t;
        final = STAGE_WON;
        break;
      }
      // At most one sales activity per day while the lead is with sales.
      if (stage >= 1) {
        if (r.next() < pAct[stage]!) {
          const row = activities.push();
          const type = r.categorical(ACTIVITY_TYPE_WEIGHTS[stage]!);
          let outcome: number;
          if (type === 0) outcome = r.next() < pConnectCall ? 0 : r.next() < 0.5 ? 1 : 2;
          else if (type === 1) outcome = r.next() < pConnectEmail ? 0 : 1;
          else if (type === 2) outcome = 3;
          else outcome = 4;
          const acols = activities.cols;
          acols.lead[row] = i;
          acols.t[row] = t;
          acols.sec[row] = businessSecond(r) * 1024 + (seq++ & 1023);
          acols.type[row] = type;
          acols.outcome[row] = outcome;
        }
      }
      dwell++;
      final = stage;
    }
    out.finalStage[i] = final;
    // Marketing automation keeps nurturing closed leads (lost ones and new customers alike):
    // a thin stream of e-mails, webinars and content until the horizon ends.
    const closed =
      final === STAGE_LOST ? out.churnDay[i]! : final === STAGE_WON ? out.convDay[i]! : -1;
    if (closed >= 0) {
      const nurture = mech.nurture.rate * Math.exp(tc.engagement * E);
      const days = horizonDays - closed - 1;
      const n = days > 0 ? r.poisson(nurture * days) : 0;
      for (let k = 0; k < n; k++) {
        const t = closed + 1 + Math.floor(r.next() * days);
        const row = touches.push();
        const type = r.categorical(NURTURE_TYPE_WEIGHTS);
        const day = created + t;
        const tcols = touches.cols;
        tcols.lead[row] = i;
        tcols.t[row] = t;
        tcols.sec[row] = businessSecond(r) * 1024 + (seq++ & 1023);
        tcols.type[row] = type;
        tcols.direction[row] = type === 0 ? 1 : 0;
        tcols.channel[row] = inbound >= 0 ? inbound : source;
        tcols.campaign[row] = (calendar.monthOfDay[day - monthBase] ?? 0) * 8 + type;
      }
    }
  }
}
