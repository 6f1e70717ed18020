import { type CausalInputs, type CausalModel, evaluateRaw } from "./causal-model.js";
import { latentZ, sigmoid } from "./latent.js";
import type { Population } from "./population.js";
import type { LeadScoringProfile } from "./profile.js";
import { OPEN_STAGES } from "./vocabulary.js";

/**
 * Every parameter the simulation uses, resolved for one world and tier. This object is
 * exactly what `metadata/mechanism_summary.json` reports (the reference reported un-modulated
 * parameters instead — its bug N3).
 *
 * Two logits drive a lead. The early logit η (graph outcome + channel + hidden noise) sets
 * funnel speed, churn and closing from the start. After the snapshot window (lead days
 * 0..W), closing also reads the lead's own engagement history in that window — touch volume
 * (inverted U: fatigue), pricing-page views (a threshold) and web sessions × seniority (an
 * interaction) — plus hidden late noise. Those effects are real, observable and non-linear,
 * so they reward models that can bend.
 */
export interface MechanismParams {
  /** Weight of the graph's outcome node on η. */
  readonly signalWeight: number;
  /** Weight of the observable non-linear block on the late close logit. */
  readonly nonlinearWeight: number;
  /** Sd of hidden noise in η. */
  readonly noiseWeight: number;
  /** Sd of hidden noise acting only on closing. */
  readonly lateNoiseWeight: number;
  /** Weight of channel effects. */
  readonly channelWeight: number;
  /** Days 0..window of engagement history feed the non-linear block (= snapshot_day). */
  readonly engagementWindow: number;
  /** Touch fatigue: 1 − min(4, ((touches − peak)/scale)²), times coef. */
  readonly fatigue: { readonly coef: number; readonly peak: number; readonly scale: number };
  /** Pricing threshold: `step` when pricing-page views ≥ `cutoff`. */
  readonly pricingThreshold: { readonly cutoff: number; readonly step: number };
  /** Seniority × sessions interaction: coef × seniority_z × (sessions − center)/scale. */
  readonly seniorityEngagement: {
    readonly coef: number;
    readonly center: number;
    readonly scale: number;
  };
  /** Channel effects on η by channel name. */
  readonly channelConversion: Readonly<Record<string, number>>;
  /** Channel effects on stage-advance logits. */
  readonly channelAdvance: Readonly<Record<string, number>>;
  /** Stage-advance logit intercepts for mql…proposal_sent (6 values). */
  readonly advanceIntercepts: readonly number[];
  /** Advance logit slope on the progress driver. */
  readonly advanceProgress: number;
  /** Advance logit slope on η. */
  readonly advanceEta: number;
  /** Minimum days in a stage before it can advance. */
  readonly minDwellDays: number;
  /** Minimum days in negotiation before a deal can close (contract and legal review). */
  readonly closeMinDwellDays: number;
  /** Churn logit intercept. */
  readonly churnIntercept: number;
  /** Churn logit slope on η (good leads churn less). */
  readonly churnEta: number;
  /** Close logit intercept at negotiation (before the calibration shift). */
  readonly closeIntercept: number;
  /** Close logit slope on η. */
  readonly closeEta: number;
  /** Close logit bonus in the last 10 days of a quarter. */
  readonly quarterEndBonus: number;
  /** Direct conversion from mql/sal as a fraction of the close probability. */
  readonly directConversionFactor: number;
  /** Calibration shift on the close intercept. */
  readonly calibrationShift: number;
  /** Touch intensity: base per day, daily decay, floor, slopes on engagement and cadence. */
  readonly touches: {
    readonly base: number;
    readonly decay: number;
    readonly floor: number;
    readonly engagement: number;
    readonly cadence: number;
  };
  /** Nurture touches per day after a lead closed (won or lost), before the engagement factor. */
  readonly nurture: { readonly rate: number };
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
export function resolveMechanisms(
  profile: LeadScoringProfile,
  engagementWindow: number,
): MechanismParams {
  const ch = profile.channel_strength;
  const scale = (rec: Readonly<Record<string, number>>) =>
    Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, v * ch]));
  return {
    signalWeight: profile.signal_strength,
    nonlinearWeight: profile.nonlinear_strength,
    noiseWeight: profile.hazard_noise,
    lateNoiseWeight: profile.late_noise,
    channelWeight: ch,
    engagementWindow,
    fatigue: { coef: 1, peak: 7, scale: 4 },
    pricingThreshold: { cutoff: 3, step: 1.2 },
    seniorityEngagement: { coef: 0.8, center: 2, scale: 1.5 },
    channelConversion: scale(BASE_CHANNEL_CONVERSION),
    channelAdvance: scale(BASE_CHANNEL_ADVANCE),
    advanceIntercepts: [-1.5, -1.8, -1.8, -1.7, -1.8, -1.9],
    advanceProgress: 0.45,
    advanceEta: 0.35,
    minDwellDays: 2,
    closeMinDwellDays: 7,
    churnIntercept: -5.4 + 0.5 * profile.committee_friction,
    churnEta: 0.5,
    closeIntercept: -2.2,
    closeEta: 0.8,
    quarterEndBonus: 0.4,
    directConversionFactor: 0.01,
    calibrationShift: 0,
    touches: { base: 0.3, decay: 0.975, floor: 0.03, engagement: 0.3, cadence: 0.5 },
    nurture: { rate: 0.08 },
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
  /** Early conversion logit η (before the calibration shift). */
  eta: number;
  /** Close logit offset from hidden late noise. */
  late: number;
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

/** Compute lead `i`'s drivers: execute the graph, then add channel and hidden noise. */
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
  const channel = mech.channelConversion[channels[pop.leadSource[i]!]!] ?? 0;
  out.engagement = E;
  out.progress = P;
  out.sales = S;
  out.outcome = C;
  out.eta = mech.signalWeight * C + channel + mech.noiseWeight * pop.leadNoise[i]!;
  out.late = mech.lateNoiseWeight * pop.leadLateNoise[i]!;
}

/**
 * The observable non-linear block from a lead's realised engagement in lead days
 * 0..engagementWindow: touch fatigue (inverted U), a pricing-page threshold and seniority ×
 * web sessions. Unweighted (the tier's `nonlinearWeight` multiplies it).
 */
export function nonlinearBlock(
  mech: MechanismParams,
  touches: number,
  pricingViews: number,
  sessions: number,
  seniority: number,
): number {
  const f = mech.fatigue;
  const x = (touches - f.peak) / f.scale;
  const fatigue = f.coef * (1 - Math.min(4, x * x));
  const pricing = pricingViews >= mech.pricingThreshold.cutoff ? mech.pricingThreshold.step : 0;
  const se = mech.seniorityEngagement;
  const inter = se.coef * seniorityZ(seniority) * ((sessions - se.center) / se.scale);
  return fatigue + pricing + inter;
}

/**
 * Daily hazards of one lead: 0..5 advance probability from mql…proposal_sent, 6 churn,
 * 7/8 close (normal / quarter end), 9/10 direct conversion from mql/sal, and 11..14 the same
 * four after the engagement window (they add the non-linear block).
 */
export const HAZARD_SLOTS = 15;

/** Fill `out` with lead hazards; the late slots start equal to the early ones (block = 0). */
export function computeHazards(
  mech: MechanismParams,
  drivers: LeadDrivers,
  channelName: string,
  out: Float64Array,
): void {
  const eta = drivers.eta;
  const chAdv = mech.channelAdvance[channelName] ?? 0;
  // Funnel speed reads η on a unit scale, so a strong tier separates leads by churn and
  // closing rather than by racing through the funnel before the snapshot.
  const speed = eta / Math.max(1, mech.signalWeight / 2);
  for (let s = 0; s < OPEN_STAGES - 1; s++) {
    out[s] = sigmoid(
      mech.advanceIntercepts[s]! +
        mech.advanceProgress * drivers.progress +
        mech.advanceEta * speed +
        chAdv,
    );
  }
  out[6] = sigmoid(mech.churnIntercept - mech.churnEta * eta);
  const closeLogit =
    mech.closeIntercept + mech.calibrationShift + mech.closeEta * (eta + drivers.late);
  out[7] = sigmoid(closeLogit);
  out[8] = sigmoid(closeLogit + mech.quarterEndBonus);
  out[9] = mech.directConversionFactor * out[7]!;
  out[10] = mech.directConversionFactor * out[8]!;
  out[11] = out[7]!;
  out[12] = out[8]!;
  out[13] = out[9]!;
  out[14] = out[10]!;
}

/** Set the late slots (11..14): the early close logit plus the weighted block. */
export function applyLateHazards(
  mech: MechanismParams,
  drivers: LeadDrivers,
  block: number,
  out: Float64Array,
): void {
  const logit =
    mech.closeIntercept +
    mech.calibrationShift +
    mech.closeEta * (drivers.eta + drivers.late + mech.nonlinearWeight * block);
  out[11] = sigmoid(logit);
  out[12] = sigmoid(logit + mech.quarterEndBonus);
  out[13] = mech.directConversionFactor * out[11]!;
  out[14] = mech.directConversionFactor * out[12]!;
}
