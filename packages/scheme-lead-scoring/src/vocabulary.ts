/**
 * Fixed categorical vocabulary and sampling weights of the lead-scoring world. Narrative
 * values (industries, regions, channels, personas) come from the recipe instead; these are
 * the values the scheme owns. Strings match the reference bundles exactly.
 */

/** Funnel stages in order; indices 0..6 are open, 7 is won, 8 is lost. */
export const STAGES = [
  "mql",
  "sal",
  "sql",
  "demo_scheduled",
  "demo_completed",
  "proposal_sent",
  "negotiation",
  "closed_won",
  "closed_lost",
] as const;

/** Index of `sql` in {@link STAGES}: reaching it makes a lead an SQL and opens an opportunity. */
export const STAGE_SQL = 2;
/** Index of `demo_scheduled`. */
export const STAGE_DEMO_SCHEDULED = 3;
/** Index of `demo_completed`. */
export const STAGE_DEMO_COMPLETED = 4;
/** Index of `negotiation`, the last open stage (closing is decided there). */
export const STAGE_NEGOTIATION = 6;
/** Index of `closed_won`. */
export const STAGE_WON = 7;
/** Index of `closed_lost`. */
export const STAGE_LOST = 8;
/** Number of open stages (mql … negotiation). */
export const OPEN_STAGES = 7;

/** Employee bands and their population shares. */
export const EMPLOYEE_BANDS = ["200-499", "500-999", "1000-1999", "2000+"] as const;
/** Population shares of {@link EMPLOYEE_BANDS}. */
export const EMPLOYEE_BAND_WEIGHTS = [0.35, 0.35, 0.2, 0.1] as const;

/** Revenue bands. */
export const REVENUE_BANDS = ["$1M-$10M", "$10M-$50M", "$50M-$200M", "$200M+"] as const;
/**
 * Revenue band given employee band (rows: employee band). Unlike the reference (where the two
 * are independent), bigger firms tend to have more revenue; the marginal shares stay close to
 * the reference's .25/.40/.25/.10.
 */
export const REVENUE_GIVEN_EMPLOYEES: readonly (readonly number[])[] = [
  [0.45, 0.4, 0.12, 0.03],
  [0.2, 0.5, 0.25, 0.05],
  [0.08, 0.35, 0.4, 0.17],
  [0.03, 0.2, 0.37, 0.4],
];

/** Process-maturity bands. */
export const MATURITY_BANDS = ["low", "medium", "high"] as const;
/** Population shares of {@link MATURITY_BANDS}. */
export const MATURITY_WEIGHTS = [0.3, 0.45, 0.25] as const;

/** Contact seniority levels, most junior first. */
export const SENIORITIES = [
  "individual_contributor",
  "manager",
  "director",
  "vp",
  "c_suite",
] as const;
/** Population shares of {@link SENIORITIES}. */
export const SENIORITY_WEIGHTS = [0.25, 0.3, 0.25, 0.15, 0.05] as const;

/** E-mail domain types. */
export const EMAIL_DOMAIN_TYPES = ["corporate", "personal", "unknown"] as const;
/** Population shares of {@link EMAIL_DOMAIN_TYPES}. */
export const EMAIL_DOMAIN_WEIGHTS = [0.8, 0.12, 0.08] as const;

/** Touch types. */
export const TOUCH_TYPES = [
  "email",
  "call",
  "linkedin_message",
  "content_download",
  "webinar",
] as const;
/** Touch directions. */
export const TOUCH_DIRECTIONS = ["inbound", "outbound"] as const;
/** Session types (derived from what the visitor looked at). */
export const SESSION_TYPES = ["website", "pricing_page", "demo_page"] as const;
/** Sales-activity types. */
export const ACTIVITY_TYPES = ["call", "email", "meeting", "demo"] as const;
/** Sales-activity outcomes. */
export const ACTIVITY_OUTCOMES = [
  "connected",
  "no_answer",
  "left_voicemail",
  "meeting_set",
  "demo_completed",
] as const;
/** Opportunity close outcomes. */
export const CLOSE_OUTCOMES = ["closed_won", "closed_lost"] as const;
/** Subscription plans by ACV (< 30k starter, < 80k growth, else enterprise). */
export const PLANS = ["starter", "growth", "enterprise"] as const;
/** Subscription status (every subscription is active within the horizon). */
export const SUBSCRIPTION_STATUSES = ["active"] as const;

/** Number of sales reps (`rep_000001` …); there is no rep table, as in the reference. */
export const N_REPS = 10;

/** ACV range (USD) by employee band, as in the reference. */
export const ACV_RANGE_BY_EMPLOYEE_BAND: readonly (readonly [number, number])[] = [
  [15_000, 50_000],
  [30_000, 80_000],
  [50_000, 120_000],
  [80_000, 200_000],
];

/** Revenue-band ACV midpoints used for `expected_acv` when no open opportunity exists. */
export const REVENUE_BAND_ACV_MIDPOINTS = [25_000, 55_000, 85_000, 140_000] as const;

/** The reference's three channels, which the mechanisms know by name. */
export const KNOWN_CHANNELS = ["inbound_marketing", "sdr_outbound", "partner_referral"] as const;

/** World calendar origin: the first day leads can be created (UTC). */
export const WORLD_START = "2024-01-01";
