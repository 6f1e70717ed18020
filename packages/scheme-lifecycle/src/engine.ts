import type { Rng } from "@leadforge/core";
import {
  isRenewalWeek,
  latentMultiplier,
  MAX_PROBABILITY,
  monthOfWeek,
  onboardingMultiplier,
} from "./hazards.js";
import {
  EV_CHURN,
  EV_EXPANSION,
  EV_PAYMENT_FAILURE,
  EV_PAYMENT_RECOVERED,
  EV_RENEWAL,
  type Ledger,
  PAY_FAILED,
  PAY_PAID,
  PAY_RECOVERED,
  PAY_WRITTEN_OFF,
} from "./ledger.js";
import type { MotifMechanism, Trait } from "./motifs.js";
import type { AccountRecord, CustomerRecord } from "./population.js";
import type { LifecycleProfile } from "./profile.js";

/** Fixed mechanism constants (recorded in the instructor's mechanism summary). */
export const ENGINE_CONSTANTS = {
  /** First invoices fail more often (purchase-order and payment-method setup). */
  firstInvoiceFailureMultiplier: 2.5,
  /** Recovery odds of a case opened by the very first invoice (a customer who never paid). */
  firstInvoiceRecoveryMultiplier: 0.6,
  /** Engagement below this level multiplies churn risk (a threshold effect). */
  lowEngagementThreshold: 0.3,
  /** Churn multiplier below the engagement threshold. */
  lowEngagementChurnMultiplier: 2,
  /** Weekly probability scale of the champion leaving (× (1.4 − champion_strength)). */
  championDepartureRate: 0.003,
  /** Drop of the engagement target when the champion leaves. */
  championDepartureDrop: 0.15,
  /** Weekly mean reversion of engagement towards its target. */
  engagementReversion: 0.15,
  /** Share of `engagement_weight` applied to payment failure and recovery. */
  paymentEngagementShare: 0.5,
  /** Expansion propensity multiplier by employee band. */
  expansionBandFactor: { "200-499": 0.7, "500-999": 1, "1000-1999": 1.3, "2000+": 1.6 },
  /** MRR ceiling as a multiple of initial MRR by employee band (expansion saturates there). */
  mrrCeilingMultiple: { "200-499": 2.5, "500-999": 3.5, "1000-1999": 5, "2000+": 8 },
} as const;

/** Per-customer constants of the dynamics, precomputed once from traits and the motif. */
export interface CustomerDynamics {
  readonly index: number;
  readonly startDay: number;
  /** Last day simulated: `max(observation, start + early tenure) + 730`. */
  readonly endDay: number;
  readonly termMonths: number;
  readonly initialMrr: number;
  /** Weekly churn base × latent multiplier × frailty. */
  readonly churnBase: number;
  /** Renewal-week churn factor (motif multiplier × renewal latent multiplier). */
  readonly renewalFactor: number;
  /** Weekly expansion base × latents × band factor × appetite. */
  readonly expansionBase: number;
  readonly expansionLo: number;
  readonly expansionHi: number;
  /** MRR level at which expansion stops. */
  readonly mrrCeiling: number;
  /** Monthly failure base × latent multiplier. */
  readonly paymentBase: number;
  /** Dunning recovery probability at neutral engagement. */
  readonly recovery: number;
  readonly dunningWeeks: number;
  /** Engagement target at signing. */
  readonly engagementTarget: number;
  readonly seatBase: number;
  readonly ticketBase: number;
  readonly npsBase: number;
  /** Weekly probability that the champion leaves. */
  readonly departureRate: number;
  /** The merged latents (for the instructor registry). */
  readonly latents: Readonly<Record<Trait, number>>;
  /** Mean-one frailty multiplier actually applied. */
  readonly frailty: number;
  /** Mean-one expansion appetite multiplier actually applied. */
  readonly appetite: number;
}

/** Inputs to {@link createDynamics}. */
export interface CreateDynamicsOptions {
  readonly customer: CustomerRecord;
  readonly account: AccountRecord;
  readonly latents: Readonly<Record<Trait, number>>;
  readonly motif: MotifMechanism;
  readonly profile: LifecycleProfile;
  readonly baseSeats: number;
  readonly endDay: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Precompute a customer's dynamics. */
export function createDynamics(o: CreateDynamicsOptions): CustomerDynamics {
  const { customer: c, account: a, latents: L, motif, profile } = o;
  const fsd = profile.frailty_sd;
  const asd = profile.expansion_appetite_sd;
  const frailty = Math.exp(fsd * c.frailtyZ - (fsd * fsd) / 2);
  const appetite = Math.exp(asd * c.appetiteZ - (asd * asd) / 2);
  const band = a.employeeBand;
  return {
    index: c.index,
    startDay: c.startDay,
    endDay: o.endDay,
    termMonths: c.termMonths,
    initialMrr: c.initialMrr,
    churnBase:
      motif.churn.baseWeeklyRate *
      profile.churn_scale *
      latentMultiplier(motif.churn.latentWeights, L) *
      frailty,
    renewalFactor:
      motif.churn.renewalMultiplier * latentMultiplier(motif.churn.renewalLatentWeights, L),
    expansionBase:
      motif.expansion.baseWeeklyRate *
      profile.expansion_scale *
      latentMultiplier(motif.expansion.latentWeights, L) *
      ENGINE_CONSTANTS.expansionBandFactor[band] *
      appetite,
    expansionLo: motif.expansion.mrrFracRange[0],
    expansionHi: motif.expansion.mrrFracRange[1],
    mrrCeiling: c.initialMrr * ENGINE_CONSTANTS.mrrCeilingMultiple[band],
    paymentBase:
      motif.payment.baseMonthlyRate *
      profile.payment_failure_scale *
      latentMultiplier(motif.payment.latentWeights, L),
    recovery: clamp(motif.payment.recoveryRate + 0.3 * (L.budget_stability - 0.5), 0.05, 0.98),
    dunningWeeks: motif.payment.dunningWeeks,
    engagementTarget: clamp(0.2 + 0.4 * L.adoption_velocity + 0.3 * L.product_fit, 0, 1),
    seatBase: o.baseSeats * (0.6 + 0.8 * L.adoption_velocity),
    ticketBase: 0.3 + 1.2 * (1 - L.product_fit),
    npsBase: 10 * (0.15 + 0.4 * L.product_fit + 0.25 * L.champion_strength),
    departureRate: ENGINE_CONSTANTS.championDepartureRate * (1.4 - L.champion_strength),
    latents: L,
    frailty,
    appetite,
  };
}

/** Mutable simulation state of one customer; small and clonable (the oracle restarts from it). */
export interface CustomerState {
  /** Next customer-relative week to simulate. */
  week: number;
  mrr: number;
  lastMonth: number;
  renewals: number;
  expansions: number;
  /** Hidden engagement level in [0, 1] (observed through health signals). */
  engagement: number;
  engagementTarget: number;
  /** Week the champion left, or -1. */
  departureWeek: number;
  /** Week the open dunning case started, or -1. */
  caseWeek: number;
  /** Invoices in the open case: count, amounts, weeks, ledger rows. */
  caseN: number;
  caseAmount: number[];
  caseInvWeek: number[];
  caseRow: number[];
  /** Churn week and reason code (0 voluntary, 1 non_renewal, 2 payment_failure), or -1. */
  churnWeek: number;
  churnReason: number;
}

/** The state at signing. */
export function initialState(d: CustomerDynamics): CustomerState {
  return {
    week: 0,
    mrr: d.initialMrr,
    lastMonth: -1,
    renewals: 0,
    expansions: 0,
    engagement: d.engagementTarget,
    engagementTarget: d.engagementTarget,
    departureWeek: -1,
    caseWeek: -1,
    caseN: 0,
    caseAmount: [0, 0, 0, 0, 0, 0],
    caseInvWeek: [0, 0, 0, 0, 0, 0],
    caseRow: [0, 0, 0, 0, 0, 0],
    churnWeek: -1,
    churnReason: -1,
  };
}

/** A deep copy of a state. */
export function cloneState(s: CustomerState): CustomerState {
  return {
    ...s,
    caseAmount: s.caseAmount.slice(),
    caseInvWeek: s.caseInvWeek.slice(),
    caseRow: s.caseRow.slice(),
  };
}

/** Revenue/churn accumulator of a forward (oracle) run from a cutoff. */
export interface ForecastAccumulator {
  /** Cutoff day; invoices strictly after it count. */
  readonly cutoffDay: number;
  /** Revenue per forward window (90, 365, 730 days). */
  readonly revenue: [number, number, number];
  /** Churn day, or -1. */
  churnDay: number;
}

/** World-level knobs of the engine. */
export interface EngineEnv {
  readonly profile: LifecycleProfile;
}

const WINDOWS = [90, 365, 730] as const;

function credit(acc: ForecastAccumulator, day: number, amount: number): void {
  const gap = day - acc.cutoffDay;
  if (gap <= 0) return;
  for (let w = 0; w < 3; w++) if (gap <= WINDOWS[w]!) acc.revenue[w]! += amount;
}

/**
 * Simulate one week of one customer, in the fixed order health signal → dunning resolution
 * → invoice → churn draw → renewal → expansion. Records rows into `sink` (when given) and
 * credits forward revenue into `acc` (when given). Returns false once the customer churned.
 */
export function simulateWeek(
  d: CustomerDynamics,
  st: CustomerState,
  rng: Rng,
  env: EngineEnv,
  sink: Ledger | null,
  cosmetic: Rng | null,
  acc: ForecastAccumulator | null,
): boolean {
  const k = st.week;
  const day = d.startDay + 7 * k;
  const p = env.profile;
  const i = d.index;

  // 1. Health signal: engagement drifts (and drops if the champion leaves), then is observed.
  if (st.departureWeek < 0 && rng.next() < d.departureRate) {
    st.departureWeek = k;
    st.engagementTarget = Math.max(0, st.engagementTarget - ENGINE_CONSTANTS.championDepartureDrop);
  }
  const e = clamp(
    st.engagement +
      ENGINE_CONSTANTS.engagementReversion * (st.engagementTarget - st.engagement) +
      p.engagement_volatility * rng.normal(),
    0,
    1,
  );
  st.engagement = e;
  const ramp = 1 - Math.exp(-(k + 1) / 6);
  const depth =
    Math.round(clamp(e * ramp + 0.04 * p.signal_noise * rng.normal(), 0, 1) * 1e4) / 1e4;
  if (sink !== null) {
    const seats = d.seatBase * Math.sqrt(st.mrr / d.initialMrr) * ramp * (0.4 + 1.2 * e);
    const active = Math.max(0, Math.trunc(seats * (1 + 0.1 * p.signal_noise * rng.normal()) + 0.5));
    const tickets = rng.poisson(d.ticketBase * (0.5 + (1 - e)));
    let nps = -1;
    if (k > 0 && k % 13 === 0) {
      nps = clamp(Math.round(d.npsBase + 2 * (e - 0.5) + p.signal_noise * rng.normal()), 0, 10);
    }
    sink.signal(i, k, active, depth, tickets, nps);
  }
  const ew = p.engagement_weight;
  const payTilt = Math.exp(ENGINE_CONSTANTS.paymentEngagementShare * ew * (0.5 - e));

  // 2. Dunning resolution (before invoicing).
  if (st.caseWeek >= 0 && k - st.caseWeek >= d.dunningWeeks) {
    const firstCase = st.caseInvWeek[0] === 0 ? ENGINE_CONSTANTS.firstInvoiceRecoveryMultiplier : 1;
    const pRecover = clamp((d.recovery * firstCase) / payTilt, 0.02, 0.99);
    const recovered = rng.next() < pRecover;
    if (sink !== null) {
      for (let j = 0; j < st.caseN; j++) {
        const row = st.caseRow[j]!;
        sink.invStatus[row] = recovered ? PAY_RECOVERED : PAY_WRITTEN_OFF;
        sink.invResolvedWeek[row] = k;
      }
    }
    if (recovered) {
      if (acc !== null) {
        for (let j = 0; j < st.caseN; j++) {
          credit(acc, d.startDay + 7 * st.caseInvWeek[j]!, st.caseAmount[j]!);
        }
      }
      if (sink !== null) {
        sink.event(i, k, EV_PAYMENT_RECOVERED, st.mrr, st.mrr, -1, cosmetic!.int(28800, 64799));
      }
      st.caseWeek = -1;
      st.caseN = 0;
    } else {
      st.churnWeek = k;
      st.churnReason = 2;
      if (acc !== null) acc.churnDay = day;
      if (sink !== null) sink.event(i, k, EV_CHURN, st.mrr, 0, -1, cosmetic!.int(28800, 64799));
      st.week = k + 1;
      return false;
    }
  }

  // 3. Invoice on a month boundary, for the MRR before this week's expansion.
  const m = monthOfWeek(k);
  if (m > st.lastMonth) {
    st.lastMonth = m;
    const amount = st.mrr;
    let failed: boolean;
    if (st.caseWeek >= 0) {
      failed = true; // the account is in arrears: later invoices join the open case
    } else {
      const pf =
        d.paymentBase * (m === 0 ? ENGINE_CONSTANTS.firstInvoiceFailureMultiplier : 1) * payTilt;
      failed = rng.next() < Math.min(pf, MAX_PROBABILITY);
    }
    const row = sink !== null ? sink.invoice(i, k, amount, failed ? PAY_FAILED : PAY_PAID) : -1;
    if (failed) {
      if (st.caseWeek < 0) st.caseWeek = k;
      const j = st.caseN++;
      st.caseAmount[j] = amount;
      st.caseInvWeek[j] = k;
      st.caseRow[j] = row;
      if (sink !== null) {
        sink.event(i, k, EV_PAYMENT_FAILURE, st.mrr, st.mrr, -1, cosmetic!.int(28800, 64799));
      }
    } else if (acc !== null) {
      credit(acc, day, amount);
    }
  }

  // 4. Churn draw (customers in collections are decided by dunning instead).
  const renewal = isRenewalWeek(k, d.termMonths);
  if (st.caseWeek < 0) {
    let pc = d.churnBase * onboardingMultiplier(k) * Math.exp(ew * (0.5 - e));
    if (e < ENGINE_CONSTANTS.lowEngagementThreshold) {
      pc *= ENGINE_CONSTANTS.lowEngagementChurnMultiplier;
    }
    if (renewal) pc *= d.renewalFactor;
    if (rng.next() < Math.min(pc, MAX_PROBABILITY)) {
      st.churnWeek = k;
      st.churnReason = renewal ? 1 : 0;
      if (acc !== null) acc.churnDay = day;
      if (sink !== null) sink.event(i, k, EV_CHURN, st.mrr, 0, -1, cosmetic!.int(28800, 64799));
      st.week = k + 1;
      return false;
    }
  }

  // 5. Renewal.
  if (renewal) {
    st.renewals++;
    if (sink !== null) {
      sink.event(i, k, EV_RENEWAL, st.mrr, st.mrr, d.termMonths, cosmetic!.int(28800, 64799));
    }
  }

  // 6. Expansion (saturating towards the band's MRR ceiling; none while in collections).
  if (st.caseWeek < 0) {
    const headroom = 1 - st.mrr / d.mrrCeiling;
    if (headroom > 0) {
      const pe = d.expansionBase * (0.5 + depth) * headroom;
      if (rng.next() < Math.min(pe, MAX_PROBABILITY)) {
        const lo = Math.max(1, Math.trunc(d.expansionLo * st.mrr));
        const hi = Math.max(lo, Math.trunc(d.expansionHi * st.mrr));
        const room = Math.max(1, Math.floor(d.mrrCeiling - st.mrr));
        const delta = Math.min(rng.int(lo, hi), room);
        if (sink !== null) {
          sink.event(i, k, EV_EXPANSION, st.mrr, st.mrr + delta, -1, cosmetic!.int(28800, 64799));
        }
        st.mrr += delta;
        st.expansions++;
      }
    }
  }
  st.week = k + 1;
  return true;
}
