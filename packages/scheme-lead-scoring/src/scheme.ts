import { createLeadScoringValidators, defineScheme } from "@leadforge/core";
import { version } from "../package.json";
import { buildWorld, type LeadScoringWorld } from "./build-world.js";
import { LEAD_SCORING_EXPOSURE } from "./exposure.js";
import { mergeWorlds } from "./merge-worlds.js";
import { type LeadScoringNarrative, leadScoringNarrativeSchema } from "./narrative.js";
import {
  type LeadScoringParams,
  leadScoringParamsSchema,
  resolvePopulationSizes,
} from "./params.js";
import { type LeadScoringProfile, leadScoringProfileSchema } from "./profile.js";
import { RECIPES } from "./recipes.generated.js";
import { render } from "./render.js";
import { RELATIONAL_TABLES } from "./tables.js";
import { LEAD_SCORING_TASK } from "./task.js";

/**
 * The `lead_scoring` generation scheme: accounts, contacts and leads → a daily 90-day funnel
 * simulation driven by an executed hidden causal graph → nine relational tables and a lead
 * snapshot task (`converted_within_90_days`). Pure declaration; importing the package's
 * entry point registers it.
 */
export const leadScoringScheme = defineScheme<
  LeadScoringParams,
  LeadScoringWorld,
  LeadScoringNarrative,
  LeadScoringProfile
>({
  name: "lead_scoring",
  packageName: "@leadforge/scheme-lead-scoring",
  version,
  description:
    "B2B lead scoring: a simulated sales funnel over accounts, contacts and leads, with a lead snapshot task.",
  sizeParam: "n_leads",
  paramsSchema: leadScoringParamsSchema,
  narrativeSchema: leadScoringNarrativeSchema,
  profileSchema: leadScoringProfileSchema,
  tables: RELATIONAL_TABLES,
  tasks: [LEAD_SCORING_TASK],
  exposure: LEAD_SCORING_EXPOSURE,
  recipes: RECIPES,
  buildWorld: (ctx) => buildWorld(ctx),
  render,
  // Worker threads build account ranges; parts merge into the single-build world exactly.
  partition: {
    unitCount: (config) => resolvePopulationSizes(config.params as LeadScoringParams).nAccounts,
    mergeWorlds,
  },
  // Time cuts of public tables, split and join-reconstruction probes, the tier's label band.
  validators: createLeadScoringValidators(),
});
