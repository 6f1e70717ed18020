/** The five latent traits of a customer (values in [0, 1], neutral 0.5). */
export const TRAITS = [
  "product_fit",
  "adoption_velocity",
  "budget_stability",
  "champion_strength",
  "organizational_stability",
] as const;

/** A latent trait name. */
export type Trait = (typeof TRAITS)[number];

/** Trait → weight; positive raises a probability, negative lowers it. */
export type LatentWeights = Readonly<Partial<Record<Trait, number>>>;

/** Per-motif mechanism parameters (the retention "story" of a world). */
export interface MotifMechanism {
  /** Motif name. */
  readonly name: string;
  /** Mean shift of each latent trait for customers (and accounts, where the trait exists). */
  readonly latentBias: LatentWeights;
  /** Weekly voluntary churn hazard. */
  readonly churn: {
    readonly baseWeeklyRate: number;
    readonly latentWeights: LatentWeights;
    readonly renewalMultiplier: number;
    readonly renewalLatentWeights: LatentWeights;
  };
  /** Weekly expansion propensity and size. */
  readonly expansion: {
    readonly baseWeeklyRate: number;
    readonly latentWeights: LatentWeights;
    /** Expansion MRR delta as a fraction of current MRR, drawn uniformly in [lo, hi]. */
    readonly mrrFracRange: readonly [number, number];
  };
  /** Monthly payment failure and dunning. */
  readonly payment: {
    readonly baseMonthlyRate: number;
    readonly latentWeights: LatentWeights;
    /** Weeks an unpaid invoice stays in dunning before it is recovered or written off. */
    readonly dunningWeeks: number;
    /** Probability (at neutral latents) that dunning ends in recovery. */
    readonly recoveryRate: number;
  };
}

/**
 * The five lifecycle motif families. Directional facts kept from the reference (realized rates,
 * pinned by a test): expansion-led
 * expands most and churns least; churner-dominated churns most; payment-fragile fails
 * payments at more than twice every other motif's rate and recovers least.
 *
 * Deliberate differences from the reference tables: dunning lasts 6-10 weeks (the reference
 * design's "up to 3 months"; its code used 3-4 weeks), and failure/recovery rates are higher
 * so that a realistic share of customers is in collections at any cutoff — the source of the
 * visible zero mass in the targets.
 */
export const MOTIFS: readonly MotifMechanism[] = [
  {
    name: "churner_dominated",
    latentBias: { product_fit: -0.14, champion_strength: -0.1 },
    churn: {
      baseWeeklyRate: 0.0046,
      latentWeights: { product_fit: -1.8, champion_strength: -1.2, adoption_velocity: -0.8 },
      renewalMultiplier: 10,
      renewalLatentWeights: { champion_strength: -1.5, product_fit: -1.0 },
    },
    expansion: {
      baseWeeklyRate: 0.0025,
      latentWeights: { adoption_velocity: 1.0, product_fit: 0.8 },
      mrrFracRange: [0.1, 0.3],
    },
    payment: {
      baseMonthlyRate: 0.034,
      latentWeights: { budget_stability: -2.0 },
      dunningWeeks: 6,
      recoveryRate: 0.66,
    },
  },
  {
    name: "expansion_led_growth",
    latentBias: { adoption_velocity: 0.16, product_fit: 0.06 },
    churn: {
      baseWeeklyRate: 0.0026,
      latentWeights: { adoption_velocity: -1.5, product_fit: -1.5, budget_stability: -0.5 },
      renewalMultiplier: 4,
      renewalLatentWeights: { adoption_velocity: -1.5, champion_strength: -1.0 },
    },
    expansion: {
      baseWeeklyRate: 0.0085,
      latentWeights: { adoption_velocity: 2.0, product_fit: 1.0, budget_stability: 0.5 },
      mrrFracRange: [0.3, 1.0],
    },
    payment: {
      baseMonthlyRate: 0.034,
      latentWeights: { budget_stability: -1.2 },
      dunningWeeks: 8,
      recoveryRate: 0.66,
    },
  },
  {
    name: "payment_fragile",
    latentBias: { budget_stability: -0.18, organizational_stability: -0.06 },
    churn: {
      baseWeeklyRate: 0.0018,
      latentWeights: { budget_stability: -2.5, organizational_stability: -1.0, product_fit: -0.5 },
      renewalMultiplier: 8,
      renewalLatentWeights: { budget_stability: -2.0, champion_strength: -1.0 },
    },
    expansion: {
      baseWeeklyRate: 0.003,
      latentWeights: { adoption_velocity: 1.0, budget_stability: 1.5 },
      mrrFracRange: [0.1, 0.4],
    },
    payment: {
      baseMonthlyRate: 0.036,
      latentWeights: { budget_stability: -3.0, organizational_stability: -1.0 },
      dunningWeeks: 10,
      recoveryRate: 0.6,
    },
  },
  {
    name: "product_led_retention",
    latentBias: { product_fit: 0.12, adoption_velocity: 0.06 },
    churn: {
      baseWeeklyRate: 0.0034,
      latentWeights: { product_fit: -2.0, adoption_velocity: -0.8, champion_strength: -0.5 },
      renewalMultiplier: 6,
      renewalLatentWeights: { champion_strength: -1.5, product_fit: -1.0 },
    },
    expansion: {
      baseWeeklyRate: 0.005,
      latentWeights: { adoption_velocity: 1.5, product_fit: 1.0 },
      mrrFracRange: [0.2, 0.6],
    },
    payment: {
      baseMonthlyRate: 0.04,
      latentWeights: { budget_stability: -1.5 },
      dunningWeeks: 8,
      recoveryRate: 0.62,
    },
  },
  {
    name: "relationship_led_retention",
    latentBias: { champion_strength: 0.14, organizational_stability: 0.06 },
    churn: {
      baseWeeklyRate: 0.0042,
      latentWeights: {
        champion_strength: -2.0,
        product_fit: -0.8,
        organizational_stability: -0.6,
      },
      renewalMultiplier: 12,
      renewalLatentWeights: { champion_strength: -2.5, organizational_stability: -1.0 },
    },
    expansion: {
      baseWeeklyRate: 0.0035,
      latentWeights: { champion_strength: 1.5, adoption_velocity: 0.8 },
      mrrFracRange: [0.15, 0.5],
    },
    payment: {
      baseMonthlyRate: 0.033,
      latentWeights: { budget_stability: -1.5, organizational_stability: -0.5 },
      dunningWeeks: 8,
      recoveryRate: 0.68,
    },
  },
];

/** Motif names, sorted (the order the world-level motif draw indexes into). */
export const MOTIF_NAMES: readonly string[] = MOTIFS.map((m) => m.name);
