import type { TaskSpec } from "@leadforge/core";
import type { Regime } from "./build-snapshot.js";

const CAL = "the fixed observation date";
const EARLY = "each customer's tenure anchor (customer_start + early_tenure_weeks)";

function revenueTask(regime: Regime, days: 90 | 365 | 730): TaskSpec {
  const prefix = regime === "early" ? "early_" : "";
  return {
    id: `${prefix}pltv_revenue_${days}d`,
    type: "regression",
    labelColumn: `ltv_revenue_${days}d`,
    primaryTable: "customers",
    labelWindowDays: days,
    description: `Predict gross revenue (USD) from invoices dated in the ${days} days after ${regime === "early" ? EARLY : CAL} whose final status is paid or recovered. Zero-inflated and right-skewed (ZILN): evaluate with Spearman, normalized Gini and decile calibration, not raw-scale MSE. Features are cut at the cutoff except the documented trap mrr_change_full_period.`,
  };
}

function churnTask(regime: Regime): TaskSpec {
  return {
    id: regime === "early" ? "early_churned_within_180d" : "churned_within_180d",
    type: "binary_classification",
    labelColumn: "churned_within_180d",
    primaryTable: "customers",
    labelWindowDays: 180,
    description: `Predict whether the customer churns (voluntarily, at renewal or by payment write-off) within 180 days after ${regime === "early" ? EARLY : CAL}. It doubles as the zero-inflation indicator of the revenue targets.`,
  };
}

/** The four tasks of a regime, in 90 / 365 / 730 / churn order. */
export function regimeTasks(regime: Regime): TaskSpec[] {
  return [
    revenueTask(regime, 90),
    revenueTask(regime, 365),
    revenueTask(regime, 730),
    churnTask(regime),
  ];
}

/** All eight lifecycle tasks: calendar family first, then the early family. */
export const LIFECYCLE_TASKS: readonly TaskSpec[] = [
  ...regimeTasks("calendar"),
  ...regimeTasks("early"),
];
