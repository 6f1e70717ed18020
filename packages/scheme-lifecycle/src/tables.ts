import { defineTable, type TableSpec } from "@leadforge/core";

/** Subscription event types (the reference's vocabulary; no `downgrade` mechanism exists). */
export const EVENT_TYPES = [
  "renewal",
  "expansion",
  "churn",
  "payment_failure",
  "payment_recovered",
] as const;

/** Invoice payment statuses. `failed` = unresolved (dunning open at the cutoff or horizon). */
export const PAYMENT_STATUSES = ["paid", "failed", "recovered", "written_off"] as const;

/** Churn reasons. */
export const CHURN_REASONS = ["voluntary", "non_renewal", "payment_failure"] as const;

/** Employee bands (firmographics). */
export const EMPLOYEE_BANDS = ["200-499", "500-999", "1000-1999", "2000+"] as const;
/** Revenue bands. */
export const REVENUE_BANDS = ["$1M-$10M", "$10M-$50M", "$50M-$200M", "$200M+"] as const;
/** Process maturity bands. */
export const MATURITY_BANDS = ["low", "medium", "high"] as const;

const id = (name: string, description: string, references?: { table: string; column: string }) =>
  ({
    name,
    type: "string",
    description,
    role: "identifier",
    ...(references ? { references } : {}),
  }) as const;

/** `accounts`: buyer companies (firmographics), shared shape with lead scoring. */
export const ACCOUNTS_TABLE = defineTable({
  name: "accounts",
  description: "Buyer companies that hold one or more subscriptions.",
  primaryKey: "account_id",
  columns: [
    id("account_id", "Account identifier."),
    { name: "company_name", type: "string", description: "Synthetic company name." },
    { name: "industry", type: "string", description: "Industry (from the narrative's ICP list)." },
    { name: "region", type: "string", description: "Region (from the narrative's geographies)." },
    {
      name: "employee_band",
      type: "string",
      description: "Headcount band.",
      categories: EMPLOYEE_BANDS,
    },
    {
      name: "estimated_revenue_band",
      type: "string",
      description: "Annual revenue band.",
      categories: REVENUE_BANDS,
    },
    {
      name: "process_maturity_band",
      type: "string",
      description: "Procurement/AP process maturity.",
      categories: MATURITY_BANDS,
    },
    {
      name: "created_at",
      type: "date",
      description: "Date the account record was created.",
      role: "timestamp",
    },
  ],
});

/** `customers`: static facts fixed at signing. */
export const CUSTOMERS_TABLE = defineTable({
  name: "customers",
  description: "One row per customer (a signed subscription contract), static from signing.",
  primaryKey: "customer_id",
  columns: [
    id("customer_id", "Customer identifier."),
    id("account_id", "Owning account.", { table: "accounts", column: "account_id" }),
    {
      name: "customer_start_at",
      type: "date",
      description: "Contract start date (week 0 of the customer's weekly clock).",
      role: "timestamp",
    },
    { name: "initial_plan", type: "string", description: "Plan at signing." },
    {
      name: "initial_mrr",
      type: "float64",
      description: "Monthly recurring revenue at signing.",
      unit: "USD",
      bounds: { min: 0 },
    },
    {
      name: "contract_term_months",
      type: "int32",
      description: "Contract term (12 or 24 months).",
      unit: "months",
    },
    { name: "csm_rep_id", type: "string", description: "Assigned customer-success manager." },
    {
      name: "opportunity_id",
      type: "string",
      nullable: true,
      description: "Originating opportunity (reserved chaining seam; always null).",
    },
  ],
});

/** `subscriptions`: terminal state at the end of the simulation (censored for active ones). */
export const SUBSCRIPTIONS_TABLE = defineTable({
  name: "subscriptions",
  description:
    "One subscription per customer. Stateful columns hold end-of-simulation values (right-censored for customers still active); public bundles drop them.",
  primaryKey: "subscription_id",
  columns: [
    id("subscription_id", "Subscription identifier."),
    id("customer_id", "Customer.", { table: "customers", column: "customer_id" }),
    { name: "plan_name", type: "string", description: "Plan (no plan changes are simulated)." },
    {
      name: "subscription_status",
      type: "string",
      description: "Status at the end of the simulation: active or churned.",
      categories: ["active", "churned"],
    },
    {
      name: "subscription_start_at",
      type: "date",
      description: "Start date (= customer_start_at).",
      role: "timestamp",
    },
    {
      name: "current_mrr",
      type: "float64",
      description: "MRR at the end of the simulation (last MRR before churn for churned ones).",
      unit: "USD",
    },
    { name: "contract_term_months", type: "int32", description: "Contract term.", unit: "months" },
    { name: "renewal_count", type: "int32", description: "Renewals over the whole simulation." },
    {
      name: "expansion_count",
      type: "int32",
      description: "Expansions over the whole simulation.",
    },
    {
      name: "subscription_end_at",
      type: "date",
      nullable: true,
      description: "End date (= churn_at); null while active.",
      role: "timestamp",
    },
    {
      name: "churn_at",
      type: "date",
      nullable: true,
      description: "Churn date; null while active.",
      role: "timestamp",
    },
    {
      name: "churn_reason",
      type: "string",
      nullable: true,
      description: "voluntary, non_renewal or payment_failure; null while active.",
      categories: CHURN_REASONS,
    },
  ],
});

/** `subscription_events`: the MRR ledger (renewals, expansions, payment events, churn). */
export const SUBSCRIPTION_EVENTS_TABLE = defineTable({
  name: "subscription_events",
  description: "Subscription ledger events, chronological within customer.",
  primaryKey: "event_id",
  columns: [
    id("event_id", "Event identifier."),
    id("subscription_id", "Subscription.", {
      table: "subscriptions",
      column: "subscription_id",
    }),
    id("customer_id", "Customer.", { table: "customers", column: "customer_id" }),
    {
      name: "event_timestamp",
      type: "timestamp",
      description: "When the event happened (UTC), during the customer's simulated week.",
      role: "timestamp",
    },
    { name: "event_type", type: "string", description: "Event type.", categories: EVENT_TYPES },
    { name: "mrr_before", type: "float64", description: "MRR before the event.", unit: "USD" },
    {
      name: "mrr_after",
      type: "float64",
      description: "MRR after the event (0 for churn).",
      unit: "USD",
    },
    {
      name: "contract_term_months_new",
      type: "int32",
      nullable: true,
      description: "Term after a renewal; null for other events.",
      unit: "months",
    },
  ],
});

/** `health_signals`: one product-usage reading per customer per simulated week. */
export const HEALTH_SIGNALS_TABLE = defineTable({
  name: "health_signals",
  description: "Weekly product-usage health readings per customer.",
  primaryKey: "signal_id",
  columns: [
    id("signal_id", "Signal identifier."),
    id("customer_id", "Customer.", { table: "customers", column: "customer_id" }),
    {
      name: "period_start",
      type: "date",
      description: "First day of the customer week.",
      role: "timestamp",
    },
    {
      name: "active_users",
      type: "int32",
      description: "Weekly active users.",
      bounds: { min: 0 },
    },
    {
      name: "feature_depth_score",
      type: "float64",
      description: "Breadth of feature use, 0-1 (4 decimals).",
      bounds: { min: 0, max: 1 },
    },
    {
      name: "support_tickets",
      type: "int32",
      description: "Support tickets opened.",
      bounds: { min: 0 },
    },
    {
      name: "nps_score",
      type: "int32",
      nullable: true,
      description: "NPS survey answer 0-10 (quarterly: tenure weeks 13, 26, …); null otherwise.",
      bounds: { min: 0, max: 10 },
    },
  ],
});

/** `invoices`: monthly invoices with payment status. */
export const INVOICES_TABLE = defineTable({
  name: "invoices",
  description:
    "Monthly invoices. payment_status is terminal in instructor bundles and as of the cutoff in public ones.",
  primaryKey: "invoice_id",
  columns: [
    id("invoice_id", "Invoice identifier."),
    id("customer_id", "Customer.", { table: "customers", column: "customer_id" }),
    {
      name: "invoice_date",
      type: "date",
      description: "Issue date (a month boundary of the customer's clock).",
      role: "timestamp",
    },
    {
      name: "amount_usd",
      type: "float64",
      description: "Invoiced amount = MRR at issue (before that week's expansion).",
      unit: "USD",
    },
    {
      name: "payment_status",
      type: "string",
      description: "paid, failed (dunning unresolved), recovered or written_off.",
      categories: PAYMENT_STATUSES,
    },
  ],
});

/** The six relational tables in output order. */
export const LIFECYCLE_TABLES: readonly TableSpec[] = [
  ACCOUNTS_TABLE,
  CUSTOMERS_TABLE,
  SUBSCRIPTIONS_TABLE,
  SUBSCRIPTION_EVENTS_TABLE,
  HEALTH_SIGNALS_TABLE,
  INVOICES_TABLE,
];

/** Subscription columns that hold end-of-simulation state (dropped in public bundles). */
export const END_OF_SIMULATION_COLUMNS = [
  "churn_at",
  "churn_reason",
  "current_mrr",
  "expansion_count",
  "renewal_count",
  "subscription_end_at",
  "subscription_status",
] as const;
