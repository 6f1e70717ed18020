import type { Rng, RngRoot } from "@leadforge/core";
import { latentZ, sampleLatent } from "./latent.js";
import type { MotifFamily } from "./motifs.js";
import type { LeadScoringNarrative } from "./narrative.js";
import { channelShares } from "./narrative.js";
import {
  ACV_RANGE_BY_EMPLOYEE_BAND,
  EMAIL_DOMAIN_WEIGHTS,
  EMPLOYEE_BAND_WEIGHTS,
  MATURITY_WEIGHTS,
  N_REPS,
  REVENUE_GIVEN_EMPLOYEES,
  SENIORITY_WEIGHTS,
} from "./vocabulary.js";
import { drawCreationOffset, monthIndex, type WorldCalendar } from "./world-calendar.js";

/**
 * The population, held column-wise in typed arrays (index = dense id − 1). Latent traits are
 * in [0, 1] as in the reference; per-lead drivers (`cadence`, `pricingIntent`, `noise`,
 * `disturbance`) are on the z scale.
 */
export interface Population {
  /** Number of accounts. */
  readonly nAccounts: number;
  /** Number of contacts. */
  readonly nContacts: number;
  /** Number of leads. */
  readonly nLeads: number;
  /** Account industry (index into the narrative's industries). */
  readonly acctIndustry: Uint8Array;
  /** Account region (index into the narrative's geographies). */
  readonly acctRegion: Uint8Array;
  /** Account employee band index. */
  readonly acctEmployees: Uint8Array;
  /** Account revenue band index. */
  readonly acctRevenue: Uint8Array;
  /** Account process-maturity band index. */
  readonly acctMaturityBand: Uint8Array;
  /** Account creation day number. */
  readonly acctCreated: Int32Array;
  /** `latent_account_fit`. */
  readonly acctFit: Float64Array;
  /** `latent_budget_readiness`. */
  readonly acctBudget: Float64Array;
  /** `latent_process_maturity`. */
  readonly acctMaturity: Float64Array;
  /** `latent_confounder` (read only when the graph has a confounder node). */
  readonly acctConfounder: Float64Array;
  /** Contacts of each account: CSR offsets (length nAccounts + 1). */
  readonly acctContactOffsets: Int32Array;
  /** Contacts of each account: contact indices, ascending within an account. */
  readonly acctContacts: Int32Array;
  /** Leads of each account: CSR offsets (length nAccounts + 1). */
  readonly acctLeadOffsets: Int32Array;
  /** Leads of each account: lead indices, ascending within an account. */
  readonly acctLeads: Int32Array;
  /** Contact's account index. */
  readonly cntAccount: Int32Array;
  /** Contact persona index (narrative personas). */
  readonly cntPersona: Uint8Array;
  /** Contact job-title index within the persona's title variants. */
  readonly cntTitle: Uint8Array;
  /** Contact seniority index. */
  readonly cntSeniority: Uint8Array;
  /** Contact e-mail domain type index. */
  readonly cntEmail: Uint8Array;
  /** Contact creation day number. */
  readonly cntCreated: Int32Array;
  /** `latent_problem_awareness`. */
  readonly cntAwareness: Float64Array;
  /** `latent_contact_authority`. */
  readonly cntAuthority: Float64Array;
  /** `latent_responsiveness`. */
  readonly cntResponsiveness: Float64Array;
  /** `latent_engagement_propensity`. */
  readonly cntEngagement: Float64Array;
  /** `latent_committee_alignment`. */
  readonly cntAlignment: Float64Array;
  /** Lead's contact index. */
  readonly leadContact: Int32Array;
  /** Lead's account index. */
  readonly leadAccount: Int32Array;
  /** Lead source (index into the narrative's channels). */
  readonly leadSource: Uint8Array;
  /** Lead creation day number. */
  readonly leadCreated: Int32Array;
  /** Owner rep index (0-based). */
  readonly leadRep: Uint8Array;
  /** `latent_sales_friction`. */
  readonly leadFriction: Float64Array;
  /** Outreach cadence (z): how hard the lead is worked; drives touch volume. */
  readonly leadCadence: Float64Array;
  /** Pricing intent (z): drives pricing-page views. */
  readonly leadPricingIntent: Float64Array;
  /** Unobserved idiosyncratic noise (z) inside the early conversion logit. */
  readonly leadNoise: Float64Array;
  /** Unobserved noise (z) that acts only on closing (invisible in the early funnel). */
  readonly leadLateNoise: Float64Array;
  /** Disturbances of the structural equations, `nDisturbances` per lead (z). */
  readonly leadDisturbance: Float64Array;
  /** Number of disturbance slots per lead. */
  readonly nDisturbances: number;
  /** ACV (USD) the lead's opportunity would carry. */
  readonly leadAcv: Int32Array;
}

/** World-level facts population sampling needs. */
export interface PopulationContext {
  /** Keyed RNG root. */
  readonly rng: RngRoot;
  /** Motif family (latent-mean biases). */
  readonly family: MotifFamily;
  /** Narrative (industries, regions, channels, personas). */
  readonly narrative: LeadScoringNarrative;
  /** Calendar. */
  readonly calendar: WorldCalendar;
  /** Per-rep cadence style (z), length N_REPS. */
  readonly repCadence: Float64Array;
  /** Disturbance slots per lead. */
  readonly nDisturbances: number;
}

/** Motif latent-mean biases (the reference's table). */
const MOTIF_BIAS: Readonly<Record<MotifFamily, Readonly<Record<string, number>>>> = {
  fit_dominant: { fit: 0.1, budget: 0.05 },
  intent_dominant: { engagement: 0.12, awareness: 0.1 },
  sales_execution_sensitive: { friction: 0.12, responsiveness: -0.08 },
  demo_trial_mediated: { engagement: 0.08, awareness: 0.06 },
  buying_committee_friction: { authority: -0.1, friction: 0.15 },
};

/** Observable → latent links (mean shifts), present in every tier. */
const FIT_BY_INDUSTRY = [0.06, 0.02, -0.02, -0.06];
const FIT_BY_EMPLOYEES = [-0.04, 0.03, 0.04, -0.02];
const BUDGET_BY_REVENUE = [-0.12, -0.03, 0.06, 0.14];
const MATURITY_MEAN = [0.25, 0.5, 0.75];
const AUTHORITY_BY_SENIORITY = [-0.22, -0.08, 0.06, 0.18, 0.28];
const AWARENESS_BY_PERSONA = [0, 0.08, -0.04, 0.02];
const RESPONSIVENESS_BY_EMAIL = [0.03, -0.08, -0.04];
/** Contacts per account scale with company size. */
const CONTACT_WEIGHT_BY_EMPLOYEES = [1, 1.25, 1.6, 2.1];
/** Mean outreach cadence by channel name: SDR leads are worked hardest. */
const CADENCE_BY_CHANNEL: Readonly<Record<string, number>> = {
  inbound_marketing: -0.2,
  sdr_outbound: 0.5,
  partner_referral: -0.35,
};
/** ACV multiplier by revenue band. */
const ACV_BY_REVENUE = [0.85, 0.95, 1.05, 1.2];

/** Allocate an empty population of the given sizes. */
export function allocatePopulation(
  nAccounts: number,
  nContacts: number,
  nLeads: number,
  nDisturbances: number,
): Population {
  return {
    nAccounts,
    nContacts,
    nLeads,
    acctIndustry: new Uint8Array(nAccounts),
    acctRegion: new Uint8Array(nAccounts),
    acctEmployees: new Uint8Array(nAccounts),
    acctRevenue: new Uint8Array(nAccounts),
    acctMaturityBand: new Uint8Array(nAccounts),
    acctCreated: new Int32Array(nAccounts),
    acctFit: new Float64Array(nAccounts),
    acctBudget: new Float64Array(nAccounts),
    acctMaturity: new Float64Array(nAccounts),
    acctConfounder: new Float64Array(nAccounts),
    acctContactOffsets: new Int32Array(nAccounts + 1),
    acctContacts: new Int32Array(nContacts),
    acctLeadOffsets: new Int32Array(nAccounts + 1),
    acctLeads: new Int32Array(nLeads),
    cntAccount: new Int32Array(nContacts),
    cntPersona: new Uint8Array(nContacts),
    cntTitle: new Uint8Array(nContacts),
    cntSeniority: new Uint8Array(nContacts),
    cntEmail: new Uint8Array(nContacts),
    cntCreated: new Int32Array(nContacts),
    cntAwareness: new Float64Array(nContacts),
    cntAuthority: new Float64Array(nContacts),
    cntResponsiveness: new Float64Array(nContacts),
    cntEngagement: new Float64Array(nContacts),
    cntAlignment: new Float64Array(nContacts),
    leadContact: new Int32Array(nLeads),
    leadAccount: new Int32Array(nLeads),
    leadSource: new Uint8Array(nLeads),
    leadCreated: new Int32Array(nLeads),
    leadRep: new Uint8Array(nLeads),
    leadFriction: new Float64Array(nLeads),
    leadCadence: new Float64Array(nLeads),
    leadPricingIntent: new Float64Array(nLeads),
    leadNoise: new Float64Array(nLeads),
    leadLateNoise: new Float64Array(nLeads),
    leadDisturbance: new Float64Array(nLeads * nDisturbances),
    nDisturbances,
    leadAcv: new Int32Array(nLeads),
  };
}

/** Draw account `a`'s firmographics and latents into `pop`. */
export function sampleAccount(pop: Population, a: number, r: Rng, ctx: PopulationContext): void {
  const { narrative, family, calendar } = ctx;
  const bias = MOTIF_BIAS[family];
  const industry = r.int(0, narrative.market.icp_industries.length - 1);
  const region = r.int(0, narrative.market.geographies.length - 1);
  const emp = r.categorical(EMPLOYEE_BAND_WEIGHTS);
  const rev = r.categorical(REVENUE_GIVEN_EMPLOYEES[emp]!);
  const mat = r.categorical(MATURITY_WEIGHTS);
  pop.acctIndustry[a] = industry;
  pop.acctRegion[a] = region;
  pop.acctEmployees[a] = emp;
  pop.acctRevenue[a] = rev;
  pop.acctMaturityBand[a] = mat;
  pop.acctCreated[a] = calendar.startDay - r.int(30, 730);
  pop.acctFit[a] = sampleLatent(
    r,
    0.5 + (bias.fit ?? 0) + FIT_BY_INDUSTRY[industry % 4]! + FIT_BY_EMPLOYEES[emp]!,
  );
  pop.acctBudget[a] = sampleLatent(r, 0.5 + (bias.budget ?? 0) + BUDGET_BY_REVENUE[rev]!);
  pop.acctMaturity[a] = sampleLatent(r, MATURITY_MEAN[mat]!, 0.15);
  pop.acctConfounder[a] = sampleLatent(r, 0.5);
}

/** Draw contact `c` (of account `a`) into `pop`. */
export function sampleContact(
  pop: Population,
  c: number,
  a: number,
  r: Rng,
  ctx: PopulationContext,
): void {
  const { narrative, family } = ctx;
  const bias = MOTIF_BIAS[family];
  const persona = r.int(0, narrative.personas.length - 1);
  const title = r.int(0, narrative.personas[persona]!.title_variants.length - 1);
  const seniority = r.categorical(SENIORITY_WEIGHTS);
  const email = r.categorical(EMAIL_DOMAIN_WEIGHTS);
  pop.cntAccount[c] = a;
  pop.cntPersona[c] = persona;
  pop.cntTitle[c] = title;
  pop.cntSeniority[c] = seniority;
  pop.cntEmail[c] = email;
  pop.cntCreated[c] = pop.acctCreated[a]! + r.int(0, 30);
  pop.cntAwareness[c] = sampleLatent(
    r,
    0.5 + (bias.awareness ?? 0) + AWARENESS_BY_PERSONA[persona % 4]!,
  );
  pop.cntAuthority[c] = sampleLatent(
    r,
    0.5 + (bias.authority ?? 0) + AUTHORITY_BY_SENIORITY[seniority]!,
  );
  pop.cntResponsiveness[c] = sampleLatent(
    r,
    0.5 + (bias.responsiveness ?? 0) + RESPONSIVENESS_BY_EMAIL[email]!,
  );
  pop.cntEngagement[c] = sampleLatent(r, 0.5 + (bias.engagement ?? 0));
  pop.cntAlignment[c] = sampleLatent(r, 0.5);
}

/** Draw lead `i` (of contact `c`, account `a`) into `pop`. */
export function sampleLead(
  pop: Population,
  i: number,
  c: number,
  a: number,
  r: Rng,
  ctx: PopulationContext,
  shares: readonly number[],
): void {
  const { narrative, family, calendar, repCadence } = ctx;
  const bias = MOTIF_BIAS[family];
  const channels = narrative.gtm_motion.channels;
  const offset = drawCreationOffset(calendar, r.next());
  const created = calendar.startDay + offset;
  const month = monthIndex(calendar, created);
  const w = shares.map((s, k) => s * calendar.channelTiltByMonth[month * channels.length + k]!);
  const source = r.categorical(w);
  const rep = r.int(0, N_REPS - 1);
  pop.leadContact[i] = c;
  pop.leadAccount[i] = a;
  pop.leadSource[i] = source;
  pop.leadCreated[i] = created;
  pop.leadRep[i] = rep;
  pop.leadFriction[i] = sampleLatent(r, 0.5 + (bias.friction ?? 0));
  pop.leadCadence[i] =
    r.normal(CADENCE_BY_CHANNEL[channels[source]!] ?? 0, 0.85) + 0.35 * repCadence[rep]!;
  const zb = Math.max(-2.5, Math.min(2.5, latentZ(pop.acctBudget[a]!)));
  pop.leadPricingIntent[i] = 0.35 * zb + 0.94 * r.normal();
  pop.leadNoise[i] = r.normal();
  pop.leadLateNoise[i] = r.normal();
  const k = pop.nDisturbances;
  for (let d = 0; d < k; d++) pop.leadDisturbance[i * k + d] = r.normal();
  const [lo, hi] = ACV_RANGE_BY_EMPLOYEE_BAND[pop.acctEmployees[a]!]!;
  const base = lo + (hi - lo) * r.next();
  const acv = base * ACV_BY_REVENUE[pop.acctRevenue[a]!]! * (1 + 0.25 * (pop.acctBudget[a]! - 0.5));
  pop.leadAcv[i] = Math.round(acv / 100) * 100;
}

/**
 * Build the population. Accounts are the unit of independence: account `a` draws its
 * firmographics from stream `("account", a)` and its contacts and leads from
 * `("population", a)`. Which account a contact belongs to, and which contact a lead belongs
 * to, are pure keyed hashes of the contact/lead index, so every account's membership — and
 * therefore every draw — is the same whatever order accounts are processed in
 * (`accountOrder` exists so tests can prove that).
 */
export function buildPopulation(opts: {
  readonly ctx: PopulationContext;
  readonly nAccounts: number;
  readonly nContacts: number;
  readonly nLeads: number;
  readonly accountOrder?: readonly number[];
  /** Sample contacts and leads only for accounts in `[start, end)` (parallel building). */
  readonly range?: { readonly start: number; readonly end: number };
}): Population {
  const { ctx, nAccounts, nContacts, nLeads } = opts;
  const start = opts.range?.start ?? 0;
  const end = opts.range?.end ?? nAccounts;
  const { rng } = ctx;
  const pop = allocatePopulation(nAccounts, nContacts, nLeads, ctx.nDisturbances);
  const order = opts.accountOrder ?? null;
  const at = (k: number) => (order ? order[k]! : k);
  for (let k = 0; k < nAccounts; k++) {
    const a = at(k);
    sampleAccount(pop, a, rng.stream("account", a), ctx);
  }
  // Contact → account: inverse CDF over size-weighted accounts, keyed by contact index.
  const cdf = new Float64Array(nAccounts);
  let acc = 0;
  for (let a = 0; a < nAccounts; a++) {
    acc += CONTACT_WEIGHT_BY_EMPLOYEES[pop.acctEmployees[a]!]!;
    cdf[a] = acc;
  }
  const counts = new Int32Array(nAccounts);
  for (let c = 0; c < nContacts; c++) {
    const target = rng.unit("contact_account", c) * acc;
    let lo = 0;
    let hi = nAccounts - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    pop.cntAccount[c] = lo;
    counts[lo]!++;
  }
  fillCsr(pop.acctContactOffsets, pop.acctContacts, counts, pop.cntAccount);
  // Lead → contact: uniform, keyed by lead index.
  const leadCounts = new Int32Array(nAccounts);
  for (let i = 0; i < nLeads; i++) {
    const c = Math.min(nContacts - 1, Math.floor(rng.unit("lead_contact", i) * nContacts));
    pop.leadContact[i] = c;
    pop.leadAccount[i] = pop.cntAccount[c]!;
    leadCounts[pop.cntAccount[c]!]!++;
  }
  fillCsr(pop.acctLeadOffsets, pop.acctLeads, leadCounts, pop.leadAccount);
  const shares = channelShares(ctx.narrative);
  for (let k = 0; k < nAccounts; k++) {
    const a = at(k);
    if (a < start || a >= end) continue;
    const r = rng.stream("population", a);
    for (let p = pop.acctContactOffsets[a]!; p < pop.acctContactOffsets[a + 1]!; p++) {
      sampleContact(pop, pop.acctContacts[p]!, a, r, ctx);
    }
    for (let p = pop.acctLeadOffsets[a]!; p < pop.acctLeadOffsets[a + 1]!; p++) {
      const i = pop.acctLeads[p]!;
      sampleLead(pop, i, pop.leadContact[i]!, a, r, ctx, shares);
    }
  }
  return pop;
}

/** Fill CSR arrays (offsets, members ascending) from per-group counts and member→group. */
function fillCsr(
  offsets: Int32Array,
  members: Int32Array,
  counts: Int32Array,
  groupOf: Int32Array,
): void {
  offsets[0] = 0;
  for (let g = 0; g < counts.length; g++) offsets[g + 1] = offsets[g]! + counts[g]!;
  const cursor = offsets.slice(0, counts.length);
  for (let m = 0; m < groupOf.length; m++) members[cursor[groupOf[m]!]!++] = m;
}

/**
 * A prototype sample for world-level calibration: `n` independent (account, contact, lead)
 * triples drawn from the same samplers as the real population, from the `calibration` stream.
 */
export function samplePrototypes(ctx: PopulationContext, n: number): Population {
  const pop = allocatePopulation(n, n, n, ctx.nDisturbances);
  const shares = channelShares(ctx.narrative);
  for (let k = 0; k < n; k++) {
    const r = ctx.rng.stream("calibration", k);
    sampleAccount(pop, k, r, ctx);
    sampleContact(pop, k, k, r, ctx);
    sampleLead(pop, k, k, k, r, ctx, shares);
  }
  for (let k = 0; k <= n; k++) {
    pop.acctContactOffsets[k] = k;
    pop.acctLeadOffsets[k] = k;
  }
  for (let k = 0; k < n; k++) {
    pop.acctContacts[k] = k;
    pop.acctLeads[k] = k;
  }
  return pop;
}

/** Per-contact population columns (copied account by account when merging partial worlds). */
export const CONTACT_FIELDS = [
  "cntPersona",
  "cntTitle",
  "cntSeniority",
  "cntEmail",
  "cntCreated",
  "cntAwareness",
  "cntAuthority",
  "cntResponsiveness",
  "cntEngagement",
  "cntAlignment",
] as const satisfies readonly (keyof Population)[];

/** Per-lead population columns with one value per lead. */
export const LEAD_FIELDS = [
  "leadSource",
  "leadCreated",
  "leadRep",
  "leadFriction",
  "leadCadence",
  "leadPricingIntent",
  "leadNoise",
  "leadLateNoise",
  "leadAcv",
] as const satisfies readonly (keyof Population)[];

/**
 * Hidden per-entity traits: the simulation reads them, but after it only instructor
 * metadata (latent registry, oracle) does — the public render never does.
 */
export const HIDDEN_TRAIT_FIELDS = [
  "acctFit",
  "acctBudget",
  "acctMaturity",
  "acctConfounder",
  "cntAwareness",
  "cntAuthority",
  "cntResponsiveness",
  "cntEngagement",
  "cntAlignment",
  "leadFriction",
  "leadCadence",
  "leadPricingIntent",
  "leadNoise",
  "leadLateNoise",
  "leadDisturbance",
] as const satisfies readonly (keyof Population)[];

/**
 * The population with every {@link HIDDEN_TRAIT_FIELDS} column emptied (length 0), for an
 * exposure mode without metadata: the world then carries no hidden truth the render never
 * reads (≈ 100 bytes per lead).
 */
export function withoutHiddenTraits(pop: Population): Population {
  const empty = new Float64Array(0);
  return {
    ...pop,
    ...Object.fromEntries(HIDDEN_TRAIT_FIELDS.map((k) => [k, empty])),
  } as Population;
}
