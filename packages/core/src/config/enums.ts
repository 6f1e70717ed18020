/** Exposure modes: what a bundle shows. */
export const EXPOSURE_MODES = ["student_public", "research_instructor"] as const;
/** An exposure mode. */
export type ExposureMode = (typeof EXPOSURE_MODES)[number];

/** Difficulty tiers, easiest first. */
export const DIFFICULTY_TIERS = ["intro", "intermediate", "advanced"] as const;
/** A difficulty tier. */
export type DifficultyTier = (typeof DIFFICULTY_TIERS)[number];

/** Split strategies for task files. `grouped` keeps each group (account) in one split. */
export const SPLIT_STRATEGIES = ["grouped", "stratified", "random"] as const;
/** A split strategy. */
export type SplitStrategy = (typeof SPLIT_STRATEGIES)[number];

/** Output formats for tables and task splits. */
export const OUTPUT_FORMATS = ["parquet", "csv", "both"] as const;
/** An output format. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Task types a scheme may declare. */
export const TASK_TYPES = ["binary_classification", "regression"] as const;
/** A task type. */
export type TaskType = (typeof TASK_TYPES)[number];
