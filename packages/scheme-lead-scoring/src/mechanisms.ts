import { type CausalInputs, type CausalModel, evaluateRaw } from "./causal-model.js";
import { latentZ, sigmoid } from "./latent.js";
import type { Population } from "./population.js";
import type { LeadScoringProfile } from "./profile.js";
import { OPEN_STAGES } from "./vocabulary.js";

/**
 * Every parameter the simulation uses, resolved for one world and tier. This object is
 * exactly what `metadata/mechanism_summary.json` reports (the reference reported un-modulated
 * parameters instead — its bug N3).
 */
export interface MechanismParams {
  /** Weight of the graph's outcome node on the conversion logit η. */
  readonly signalWeight: number;
  /** Weight of the observable non-linear block on η. */
  readonly nonlinearWeight: number;
  /** Sd of unobserved per-lead noise on η. */
  readonly noiseWeight: number;
  /** Weight of channel effects. */
  readonly channelWeight: number;
  /** Inverted-U touch fatigue: coefficient, peak cadence (z). */
  readonly fatigue: { readonly coef: number; readonly peak: number };
  /** Pricing-page threshold: intent cut-off (z) and the logit step. */
  readonly pricingThreshold: { readonly cutoff: number; readonly step: number };
  /** Seniority × engagement interaction coefficient. */
  readonly seniorityEngagement: number;
  /** Channel effects by name: on η and on stage-advance logits. */
  readonly channelConversion: Readonly<Record<string, number>>;
  /** Channel effects on stage-advance logits. */
  readonly channelAdvance: Readonly<Record<string, number>>;
  /** Stage-advance logit intercepts for mql…proposal_sent (6 values). */
  readonly advanceIntercepts: readonly number[];
  /** Advance logit slope on the progress driver and on η. */
  readonly advanceProgress: number;
  /** Advance logit slope on η. */
  readonly advanceEta: number;
  /** Minimum days in a stage before it can advance. */
  readonly minDwellDays: number;
  /** Churn logit intercept (after calibration) and slope on η. */
  readonly churnIntercept: number;
  /** Churn logit slope on η (negative: good leads churn less). */
  readonly churnEta: number;
  /** Close logit intercept at negotiation (after calibration). */
  readonly closeIntercept: number;
  /** Close logit slope on η. */
  readonly closeEta: number;
  /** Close logit bonus in the last 10 days of a quarter. */
  readonly quarterEndBonus: number;
  /** Direct conversion from mql/sal as a fraction of the close probability. */
  readonly directConversionFactor: number;
  /** Calibration shift applied to the close (+) and churn (−½) intercepts. */
  readonly calibrationShift: number;
  /** Touch intensity: base per day, daily decay, floor, slopes on engagement and cadence. */
  readonly touches: {
    readonly base: number;
    readonly decay: number;
    readonly floor: number;
    readonly engagement: number;
    readonly cadence: number;
  };
  /** Session logit per touch-day: intercept and engagement slope. */
  readonly sessions: { readonly intercept: number; readonly engagement: number };
  /** Pricing-page views per session: base rate, slope on pricing intent, SQL+ multiplier. */
  readonly pricingViews: {
    readonly base: number;
    readonly intent: number;
    readonly sqlMultiplier: number;
  };
  /** Sales-activity logit per open day in sal…negotiation: intercepts by stage, slopes. */
  readonly activities: {
    readonly intercepts: readonly number[];
    readonly sales: number;
    readonly responsiveness: number;
  };
}

const BASE_CHANNEL_CONVERSION: Readonly<Record<string, number>> = {
  inbound_marketing: 0.15,
  sdr_outbound: -0.55,
  partner_referral: 0.7,
};
const BASE_CHANNEL_ADVANCE: Readonly<Record<string, number>> = {
  inbound_marketing: 0.1,
  sdr_outbound: -0.3,
  partner_referral: 0.35,
};

/** Resolve the mechanism parameters for a tier (before calibration: shift 0). */
export function resolveMechanisms(profile: LeadScoringProfile): MechanismParams {
  const ch = profile.channel_strength;
  const scale = (rec: Readonly<Record<string, number>>) =>
    Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, v * ch]));
  return {
    signalWeight: profile.signal_strength,
    nonlinearWeight: profile.nonlinear_strength,
    noiseWeight: profile.hazard_noise,
    channelWeight: ch,
    fatigue: { coef: 0.9, peak: 0.2 },
    pricingThreshold: { cutoff: 0.6, step: 1.4 },
    seniorityEngagement: 0.8,
    channelConversion: scale(BASE_CHANNEL_CONVERSION),
    channelAdvance: scale(BASE_CHANNEL_ADVANCE),
    advanceIntercepts: [-1.3, -1.6, -1.5, -1.4, -1.5, -1.6],
    advanceProgress: 0.45,
    advanceEta: 0.35,
    minDwellDays: 2,
    churnIntercept: -4.6 + 0.5 * profile.committee_friction,
    churnEta: 0.6,
    closeIntercept: -2.2,
    closeEta: 0.8,
    quarterEndBonus: 0.4,
    directConversionFactor: 0.01,
    calibrationShift: 0,
    touches: { base: 0.3, decay: 0.975, floor: 0.03, engagement: 0.3, cadence: 0.5 },
    sessions: { intercept: -0.7, engagement: 0.5 },
    pricingViews: { base: 0.25, intent: 0.9, sqlMultiplier: 2.2 },
    activities: {
      intercepts: [-99, -1.6, -1.3, -1.1, -1.1, -1.2, -1.0],
      sales: 0.35,
      responsiveness: 0.25,
    },
  };
}

/** Seniority index 0..4 on a z scale (mean ≈ 1.45, sd ≈ 1.15 in the population). */
export function seniorityZ(index: number): number {
  return (index - 1.45) / 1.15;
}

/** Per-lead mechanism drivers (all z scale). */
export interface LeadDrivers {
  /** Engagement driver E (touches, sessions, page views). */
  engagement: number;
  /** Progress driver P (stage-advance speed). */
  progress: number;
  /** Sales-process driver S (activity rate). */
  sales: number;
  /** The graph outcome C. */
  outcome: number;
  /** Observable non-linear block. */
  nonlinear: number;
  /** Conversion logit η (before calibration shift). */
  eta: number;
}

/** Scratch buffers for {@link computeDrivers}. */
export interface DriverScratch {
  /** Raw node values. */
  readonly raw: Float64Array;
  /** Centred node values. */
  readonly scaled: Float64Array;
}

/** Allocate scratch buffers for a model. */
export function createDriverScratch(model: CausalModel): DriverScratch {
  return {
    raw: new Float64Array(model.nodes.length),
    scaled: new Float64Array(model.nodes.length),
  };
}

/** Compute lead `i`'s drivers: execute the graph, then add the observable terms. */
export function computeDrivers(
  model: CausalModel,
  mech: MechanismParams,
  pop: Population,
  i: number,
  inputs: CausalInputs,
  channels: readonly string[],
  scratch: DriverScratch,
  out: LeadDrivers,
): void {
  evaluateRaw(model, pop, i, inputs, scratch.raw, scratch.scaled);
  const v = scratch.scaled;
  const d = model.driverIndex;
  const c = pop.leadContact[i]!;
  const E = d.engagement >= 0 ? v[d.engagement]! : latentZ(pop.cntEngagement[c]!);
  const P = d.progress >= 0 ? v[d.progress]! : 0;
  const S = d.sales >= 0 ? d.salesSign * v[d.sales]! : -latentZ(pop.leadFriction[i]!);
  const C = d.outcome >= 0 ? v[d.outcome]! : 0;
  const K = pop.leadCadence[i]!;
  const Q = pop.leadPricingIntent[i]!;
  const sen = seniorityZ(pop.cntSeniority[c]!);
  const fatigue = mech.fatigue.coef * (1 - (K - mech.fatigue.peak) ** 2);
  const pricing = Q > mech.pricingThreshold.cutoff ? mech.pricingThreshold.step : 0;
  const inter = mech.seniorityEngagement * sen * E;
  const nonlinear = fatigue + pricing + inter;
  const channel = mech.channelConversion[channels[pop.leadSource[i]!]!] ?? 0;
  out.engagement = E;
  out.progress = P;
  out.sales = S;
  out.outcome = C;
  out.nonlinear = nonlinear;
  out.eta =
    mech.signalWeight * C +
    mech.nonlinearWeight * nonlinear +
    channel +
    mech.noiseWeight * pop.leadNoise[i]!;
}

/**
 * Daily hazards of one lead (constant over its life except the quarter-end close bonus):
 * index 0..5 advance probability from mql…proposal_sent, 6 churn, 7 close, 8 close at quarter
 * end, 9 direct conversion (mql/sal), 10 direct conversion at quarter end.
 */
export const HAZARD_SLOTS = 11;

/** Fill `out` (length {@link HAZARD_SLOTS}) with lead `i`'s daily hazards. */
export function computeHazards(
  mech: MechanismParams,
  drivers: LeadDrivers,
  channelName: string,
  out: Float64Array,
): void {
  const eta = drivers.eta;
  const chAdv = mech.channelAdvance[channelName] ?? 0;
  for (let s = 0; s < OPEN_STAGES - 1; s++) {
    out[s] = sigmoid(
      mech.advanceIntercepts[s]! +
        mech.advanceProgress * drivers.progress +
        mech.advanceEta * eta +
        chAdv,
    );
  }
  out[6] = sigmoid(mech.churnIntercept - 0.5 * mech.calibrationShift - mech.churnEta * eta);
  const closeLogit = mech.closeIntercept + mech.calibrationShift + mech.closeEta * eta;
  out[7] = sigmoid(closeLogit);
  out[8] = sigmoid(closeLogit + mech.quarterEndBonus);
  out[9] = mech.directConversionFactor * out[7]!;
  out[10] = mech.directConversionFactor * out[8]!;
}
