// Public surface of @leadforge/scheme-lead-scoring.
import { registerScheme } from "@leadforge/core";
import { leadScoringScheme } from "./scheme.js";

export {
  type BuildWorldOptions,
  buildWorld,
  finalizeWorld,
  type LeadScoringWorld,
} from "./build-world.js";
export { conversionProbability } from "./conversion-probability.js";
export { LEAD_SCORING_EXPOSURE } from "./exposure.js";
export { type MechanismParams, resolveMechanisms } from "./mechanisms.js";
export { mergeWorlds } from "./merge-worlds.js";
export { MOTIF_FAMILIES, MOTIF_TEMPLATES, type MotifFamily } from "./motifs.js";
export {
  type LeadScoringNarrative,
  leadScoringNarrativeSchema,
} from "./narrative.js";
export { oracleScores } from "./oracle-scores.js";
export {
  type LeadScoringParams,
  leadScoringParamsSchema,
  resolvePopulationSizes,
} from "./params.js";
export { type LeadScoringProfile, leadScoringProfileSchema } from "./profile.js";
export { RECIPES } from "./recipes.generated.js";
export { type HiddenGraph, sampleGraph } from "./sample-graph.js";
export { leadScoringScheme } from "./scheme.js";
export { LABEL_COLUMN, snapshotSpec, TRAP_COLUMN } from "./snapshot-spec.js";
export { RELATIONAL_TABLES } from "./tables.js";

// Importing the package registers the scheme in the process-wide registry, so
// `import "@leadforge/scheme-lead-scoring"` is all a CLI or script needs (one registry per
// process because core is a peer dependency). Registration is idempotent.
registerScheme(leadScoringScheme);
