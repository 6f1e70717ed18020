import type { RngRoot } from "@leadforge/core";
import { type MotifMechanism, TRAITS, type Trait } from "./motifs.js";
import type { LifecycleNarrative } from "./narrative.js";
import { EMPLOYEE_BANDS, MATURITY_BANDS, REVENUE_BANDS } from "./tables.js";

/** An account (buyer company) and its account-level latent traits. */
export interface AccountRecord {
  /** 0-based dense index (`acct_` index + 1). */
  readonly index: number;
  readonly industry: string;
  readonly region: string;
  readonly employeeBand: (typeof EMPLOYEE_BANDS)[number];
  readonly revenueBand: (typeof REVENUE_BANDS)[number];
  readonly maturityBand: (typeof MATURITY_BANDS)[number];
  /** Day number of `created_at`. */
  readonly createdDay: number;
  /** Account-level random effects shared by its customers. */
  readonly latents: {
    readonly budget_stability: number;
    readonly organizational_stability: number;
  };
}

/** A customer's static facts (set at signing) and hidden traits. */
export interface CustomerRecord {
  /** 0-based dense index (`cust_` index + 1). */
  readonly index: number;
  /** Index of its account. */
  readonly account: number;
  /** Day number of the start date. */
  readonly startDay: number;
  /** Plan index into the narrative's plans. */
  readonly plan: number;
  readonly initialMrr: number;
  readonly termMonths: number;
  /** 1-based CSM index. */
  readonly csm: number;
  /** Raw customer latents (before merging with the account's). */
  readonly latents: Readonly<Record<Trait, number>>;
  /** Standard-normal draw behind the unobserved churn frailty. */
  readonly frailtyZ: number;
  /** Standard-normal draw behind the unobserved expansion appetite. */
  readonly appetiteZ: number;
}

const EMPLOYEE_WEIGHTS = [0.35, 0.35, 0.2, 0.1];
const REVENUE_WEIGHTS = [0.25, 0.4, 0.25, 0.1];
const MATURITY_WEIGHTS = [0.3, 0.45, 0.25];
const MATURITY_MEAN = { low: 0.25, medium: 0.5, high: 0.75 } as const;
/** Budget stability rises with company revenue (the reference claimed this but never did it). */
const REVENUE_BUDGET_SHIFT = {
  "$1M-$10M": -0.08,
  "$10M-$50M": 0,
  "$50M-$200M": 0.04,
  "$200M+": 0.08,
};
/** Plan slots by employee band (uniform pick): bigger companies buy bigger plans. */
const PLAN_SLOTS: Record<(typeof EMPLOYEE_BANDS)[number], readonly number[]> = {
  "200-499": [0, 0, 1],
  "500-999": [0, 1, 1],
  "1000-1999": [1, 1, 2],
  "2000+": [1, 2, 2],
};

function sampleLatent(rng: { normal(m: number, s: number): number }, mean: number, sd: number) {
  const m = Math.min(0.9, Math.max(0.1, mean));
  return Math.min(1, Math.max(0, rng.normal(m, sd)));
}

/** Inputs to {@link buildAccount}. */
export interface BuildAccountOptions {
  readonly rng: RngRoot;
  readonly index: number;
  readonly narrative: LifecycleNarrative;
  readonly motif: MotifMechanism;
  /** First day of the acquisition window (accounts exist before it). */
  readonly acquisitionStartDay: number;
}

/** Build account `index` from its own keyed stream (independent of every other account). */
export function buildAccount(opts: BuildAccountOptions): AccountRecord {
  const { index, narrative, motif } = opts;
  const r = opts.rng.stream("lifecycle.account", index);
  const industry = r.choice(narrative.market.icp_industries);
  const region = r.choice(narrative.market.geographies);
  const employeeBand = EMPLOYEE_BANDS[r.categorical(EMPLOYEE_WEIGHTS)]!;
  const revenueBand = REVENUE_BANDS[r.categorical(REVENUE_WEIGHTS)]!;
  const maturityBand = MATURITY_BANDS[r.categorical(MATURITY_WEIGHTS)]!;
  const createdDay = opts.acquisitionStartDay - r.int(30, 730);
  const budget = sampleLatent(
    r,
    0.5 + REVENUE_BUDGET_SHIFT[revenueBand] + (motif.latentBias.budget_stability ?? 0),
    0.2,
  );
  const org = sampleLatent(
    r,
    MATURITY_MEAN[maturityBand] + (motif.latentBias.organizational_stability ?? 0),
    0.15,
  );
  return {
    index,
    industry,
    region,
    employeeBand,
    revenueBand,
    maturityBand,
    createdDay,
    latents: { budget_stability: budget, organizational_stability: org },
  };
}

/** Inputs to {@link buildCustomer}. */
export interface BuildCustomerOptions {
  readonly rng: RngRoot;
  readonly index: number;
  readonly accounts: readonly AccountRecord[];
  readonly narrative: LifecycleNarrative;
  readonly motif: MotifMechanism;
  readonly acquisitionStartDay: number;
  /** Days in the acquisition window (starts fall in `[start, start + span)`). */
  readonly acquisitionSpanDays: number;
}

/** Build customer `index` from its own keyed stream. */
export function buildCustomer(opts: BuildCustomerOptions): CustomerRecord {
  const { index, accounts, narrative, motif } = opts;
  const r = opts.rng.stream("lifecycle.customer", index);
  const account = r.int(0, accounts.length - 1);
  const startDay = opts.acquisitionStartDay + r.int(0, Math.max(opts.acquisitionSpanDays - 1, 0));
  const plan = r.choice(PLAN_SLOTS[accounts[account]!.employeeBand]);
  const [lo, hi] = narrative.plans[plan]!.mrr_range;
  const initialMrr = r.int(Math.round(lo), Math.round(hi));
  const termMonths = r.bernoulli(narrative.customer_success.share_24_month_terms) ? 24 : 12;
  const csm = r.int(1, narrative.customer_success.csm_team_size);
  const latents = {} as Record<Trait, number>;
  for (const t of TRAITS) latents[t] = sampleLatent(r, 0.5 + (motif.latentBias[t] ?? 0), 0.2);
  const frailtyZ = r.normal();
  const appetiteZ = r.normal();
  return {
    index,
    account,
    startDay,
    plan,
    initialMrr,
    termMonths,
    csm,
    latents,
    frailtyZ,
    appetiteZ,
  };
}

/**
 * The latents the engine uses: the customer's own, with the account-level traits
 * (budget and organizational stability) averaged 50/50 with the account's — a shared random
 * effect that makes customers of one account behave alike (hence grouped splits).
 */
export function mergedLatents(c: CustomerRecord, a: AccountRecord): Record<Trait, number> {
  return {
    ...c.latents,
    budget_stability: (c.latents.budget_stability + a.latents.budget_stability) / 2,
    organizational_stability:
      (c.latents.organizational_stability + a.latents.organizational_stability) / 2,
  };
}
