import { createLifecycleValidators, defineScheme } from "@leadforge/core";
import { version } from "../package.json";
import { buildLifecycleWorld, type LifecycleWorld, mergeLifecycleWorlds } from "./build-world.js";
import { LIFECYCLE_EXPOSURE } from "./exposure.js";
import { createInvoiceStatusProvider } from "./invoice-status-provider.js";
import { type LifecycleNarrative, lifecycleNarrativeSchema } from "./narrative.js";
import { type LifecycleParams, lifecycleParamsSchema } from "./params.js";
import { type LifecycleProfile, lifecycleProfileSchema } from "./profile.js";
import { RECIPES } from "./recipes.generated.js";
import { renderLifecycle } from "./render.js";
import { LIFECYCLE_TABLES } from "./tables.js";
import { LIFECYCLE_TASKS } from "./tasks.js";

/**
 * The `lifecycle` generation scheme: a B2B SaaS customer base after the deal closes,
 * simulated week by week (invoices, dunning, renewals, expansions, churn), rendered as six
 * relational tables and eight pLTV / churn tasks in two observation regimes. Pure: importing
 * this module registers nothing.
 */
export const lifecycleScheme = defineScheme<
  LifecycleParams,
  LifecycleWorld,
  LifecycleNarrative,
  LifecycleProfile
>({
  name: "lifecycle",
  packageName: "@leadforge/scheme-lifecycle",
  version,
  description:
    "B2B SaaS subscription lifecycle (pLTV): weekly simulation of invoices, dunning, renewals, expansions and churn; zero-inflated revenue targets over 90/365/730 days.",
  sizeParam: "n_customers",
  paramsSchema: lifecycleParamsSchema,
  narrativeSchema: lifecycleNarrativeSchema,
  profileSchema: lifecycleProfileSchema,
  tables: LIFECYCLE_TABLES,
  tasks: LIFECYCLE_TASKS,
  exposure: LIFECYCLE_EXPOSURE,
  recipes: RECIPES,
  buildWorld: buildLifecycleWorld,
  // The customer is the unit of independence: workers simulate consecutive customer ranges.
  partition: {
    unitCount: (config) => (config.params as LifecycleParams).n_customers,
    mergeWorlds: mergeLifecycleWorlds,
  },
  render: renderLifecycle,
  // Core's lifecycle preset (per-regime time cuts of public tables, split probes, the
  // join-reconstruction probe) plus the exact as-of-cutoff invoice-status check. The join
  // probe's lift cap is 0.08: on clean bundles of 1,500 customers its lift ranges from −0.04
  // to +0.07 (the churn label is weakly predictable, so the small probe GBM is noisy), and it
  // cannot see the reference's invoice-status leak at all — the exact check does.
  validators: [
    ...createLifecycleValidators({ joinProbe: { maxLift: 0.08 } }),
    createInvoiceStatusProvider(),
  ],
});
