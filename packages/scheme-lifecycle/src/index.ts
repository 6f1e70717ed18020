import { registerScheme } from "@leadforge/core";
import { lifecycleScheme } from "./scheme.js";

export { buildSnapshot, cutoffDay, isEligible, type Regime } from "./build-snapshot.js";
export {
  buildLifecycleWorld,
  type LifecycleWorld,
  MAX_WINDOW_DAYS,
  mergeLifecycleWorlds,
} from "./build-world.js";
export { ENGINE_CONSTANTS } from "./engine.js";
export { LIFECYCLE_EXPOSURE } from "./exposure.js";
export {
  isRenewalWeek,
  latentMultiplier,
  monthOfWeek,
  nextRenewalWeek,
  onboardingMultiplier,
  WEEKS_PER_MONTH,
} from "./hazards.js";
export { MOTIF_NAMES, MOTIFS, type MotifMechanism, TRAITS, type Trait } from "./motifs.js";
export { type LifecycleNarrative, lifecycleNarrativeSchema } from "./narrative.js";
export { type LifecycleParams, lifecycleParamsSchema } from "./params.js";
export { type LifecycleProfile, lifecycleProfileSchema } from "./profile.js";
export { RECIPES } from "./recipes.generated.js";
export { FORWARD_WINDOWS_DAYS } from "./render.js";
export {
  earlyDegenerateColumns,
  HEALTH_COLUMNS,
  SNAPSHOT_COLUMNS,
  TARGET_COLUMNS,
  TRAP_COLUMN,
} from "./snapshot-columns.js";
export { END_OF_SIMULATION_COLUMNS, LIFECYCLE_TABLES } from "./tables.js";
export { LIFECYCLE_TASKS } from "./tasks.js";
export { lifecycleScheme };

// Importing the package registers the scheme in the process-wide registry (the documented
// contract: `import "@leadforge/scheme-lifecycle"` makes `--recipe b2b_saas_ltv_v1` work).
// Everything above stays usable without it via `createRegistry().register(lifecycleScheme)`.
registerScheme(lifecycleScheme);
