import type { ColumnSpec, TableSpec } from "@leadforge/core";
import {
  EMPLOYEE_BANDS,
  MATURITY_BANDS,
  REVENUE_BANDS,
  SENIORITIES,
  STAGES,
} from "./vocabulary.js";

/** Columns the public exposure mode redacts from the task files and the dictionary. */
export const REDACTED_SNAPSHOT_FEATURES = ["current_stage", "is_sql"] as const;

/** Name of the deliberate leakage trap. */
export const TRAP_COLUMN = "total_touches_all";

/** Label column name (stays the same if the task id is renamed, as in the reference). */
export const LABEL_COLUMN = "converted_within_90_days";

/**
 * The 33-column lead snapshot (the task table), in the reference's column order. Windows,
 * bounds and descriptions name the actual snapshot day.
 */
export function snapshotSpec(opts: {
  readonly snapshotDay: number;
  readonly labelWindowDays: number;
  readonly horizonDays: number;
  readonly taskId: string;
}): TableSpec {
  const W = opts.snapshotDay;
  const win = `lead days 0..${W}`;
  const count = (name: string, description: string, category = "engagement"): ColumnSpec => ({
    name,
    type: "int32",
    nullable: true,
    role: "feature",
    unit: "count",
    window: win,
    category,
    bounds: { min: 0 },
    description,
  });
  const columns: ColumnSpec[] = [
    {
      name: "account_id",
      type: "string",
      role: "identifier",
      category: "account",
      description: "The lead's account (group key of the default split).",
    },
    {
      name: "industry",
      type: "string",
      role: "feature",
      category: "account",
      description: "Account industry.",
    },
    {
      name: "region",
      type: "string",
      role: "feature",
      category: "account",
      description: "Account region.",
    },
    {
      name: "employee_band",
      type: "string",
      role: "feature",
      category: "account",
      categories: EMPLOYEE_BANDS,
      description: "Account headcount band.",
    },
    {
      name: "estimated_revenue_band",
      type: "string",
      role: "feature",
      category: "account",
      categories: REVENUE_BANDS,
      description: "Account revenue band.",
    },
    {
      name: "process_maturity_band",
      type: "string",
      role: "feature",
      category: "account",
      categories: MATURITY_BANDS,
      description: "Account process maturity.",
    },
    {
      name: "contact_id",
      type: "string",
      role: "identifier",
      category: "contact",
      description: "The lead's contact.",
    },
    {
      name: "role_function",
      type: "string",
      role: "feature",
      category: "contact",
      description: "Contact persona role.",
    },
    {
      name: "seniority",
      type: "string",
      role: "feature",
      category: "contact",
      categories: SENIORITIES,
      description: "Contact seniority.",
    },
    {
      name: "buyer_role",
      type: "string",
      role: "feature",
      category: "contact",
      description: "Contact's role in the buying decision.",
    },
    {
      name: "lead_id",
      type: "string",
      role: "identifier",
      category: "lead_meta",
      description: "Lead id.",
    },
    {
      name: "lead_created_at",
      type: "date",
      role: "timestamp",
      category: "lead_meta",
      description: "Lead creation date (the snapshot is taken snapshot_day days later).",
    },
    {
      name: "lead_source",
      type: "string",
      role: "feature",
      category: "lead_meta",
      description: "Acquisition channel.",
    },
    {
      name: "current_stage",
      type: "string",
      role: "feature",
      category: "lead_meta",
      categories: STAGES,
      leakageRisk: true,
      window: `as of lead day ${W}`,
      description: `Funnel stage as of the snapshot (lead day ${W}); withheld from public bundles.`,
    },
    {
      name: "is_sql",
      type: "bool",
      role: "feature",
      category: "lead_meta",
      leakageRisk: true,
      window: `as of lead day ${W}`,
      description: `Whether the lead had reached sql by the snapshot; withheld from public bundles.`,
    },
    count("touch_count", "Touches in the window."),
    count("inbound_touch_count", "Inbound (lead-initiated) touches in the window."),
    count("outbound_touch_count", "Outbound (vendor-initiated) touches in the window."),
    count("session_count", "Web sessions in the window."),
    count("pricing_page_views", "Pricing-page views in the window."),
    count("demo_page_views", "Demo-page views in the window."),
    {
      ...count("total_session_duration_seconds", "Total web-session time in the window."),
      unit: "seconds",
    },
    { ...count("touches_days_0_7", "Touches on lead days 0..7."), window: "lead days 0..7" },
    {
      ...count("touches_last_7_days", `Touches on lead days ${Math.max(0, W - 6)}..${W}.`),
      window: `lead days ${Math.max(0, W - 6)}..${W}`,
    },
    {
      name: "days_since_first_touch",
      type: "float64",
      nullable: true,
      role: "feature",
      unit: "days",
      window: win,
      category: "engagement",
      bounds: { min: 0, max: W },
      description: "Snapshot day minus the lead day of the first touch (null without touches).",
    },
    count("activity_count", "Sales activities in the window.", "sales"),
    {
      name: "days_since_last_touch",
      type: "float64",
      nullable: true,
      role: "feature",
      unit: "days",
      window: win,
      category: "sales",
      bounds: { min: 0, max: W },
      description: "Snapshot day minus the lead day of the last touch (null without touches).",
    },
    {
      name: "opportunity_created",
      type: "bool",
      role: "feature",
      window: win,
      category: "sales",
      description: "An opportunity existed by the snapshot.",
    },
    {
      name: "has_open_opportunity",
      type: "bool",
      role: "feature",
      window: `as of lead day ${W}`,
      category: "sales",
      description: "An opportunity existed and was still open at the snapshot.",
    },
    {
      name: "opportunity_estimated_acv",
      type: "float64",
      nullable: true,
      role: "feature",
      unit: "USD",
      window: `as of lead day ${W}`,
      category: "sales",
      bounds: { min: 0 },
      description: "ACV of the open opportunity (null if none is open).",
    },
    {
      name: "expected_acv",
      type: "float64",
      nullable: true,
      role: "feature",
      unit: "USD",
      window: `as of lead day ${W}`,
      category: "sales",
      bounds: { min: 0 },
      description: "ACV of the open opportunity, else the revenue band's typical ACV.",
    },
    {
      name: TRAP_COLUMN,
      type: "int32",
      role: "trap",
      unit: "count",
      window: `lead days 0..${opts.horizonDays - 1} (whole horizon)`,
      category: "engagement",
      leakageRisk: true,
      bounds: { min: 0 },
      description:
        "Touches over the WHOLE horizon, including after the snapshot — a deliberate leakage trap: it is not knowable at prediction time.",
    },
    {
      name: LABEL_COLUMN,
      type: "bool",
      role: "label",
      category: "target",
      window: `lead days 0..${opts.labelWindowDays}`,
      description: `Closed-won within ${opts.labelWindowDays} days of lead creation (emerges from simulated events).`,
    },
  ];
  return {
    name: opts.taskId,
    description: `Lead snapshot at lead day ${W}: one row per lead.`,
    primaryKey: "lead_id",
    columns,
  };
}
