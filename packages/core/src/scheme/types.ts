import type { z } from "zod";
import type { CommonConfig } from "../config/common-config.js";
import type { DifficultyTier, ExposureMode, TaskType } from "../config/enums.js";
import type { Recipe, RecipeSource } from "../config/recipe-schema.js";
import type { RngRoot } from "../rng/create-rng-root.js";
import type { ColumnarTable, ColumnSpec, TableSpec } from "../table/types.js";
import type { ValidationProvider } from "../validation/types.js";

/** Version of the scheme protocol this core speaks. Bumped on breaking protocol changes. */
export const SCHEME_PROTOCOL_VERSION = 1;

/** Brand that marks a value made by {@link defineScheme}; checked across package copies. */
export const SCHEME_BRAND: unique symbol = Symbol.for("leadforge.scheme") as never;

/** Fully resolved configuration handed to a scheme. */
export interface ResolvedConfig<TParams = Record<string, unknown>> {
  /** Recipe id. */
  readonly recipe_id: string;
  /** Scheme name. */
  readonly scheme: string;
  /** Shared fields (seed, mode, tier, splits, format). */
  readonly common: CommonConfig;
  /** The scheme's own validated params. */
  readonly params: TParams;
}

/** A progress event: a named stage and how far along it is. */
export interface ProgressEvent {
  /** Stage name, e.g. `"simulate"`. */
  readonly stage: string;
  /** Units done so far. */
  readonly done: number;
  /** Units in the stage. */
  readonly total: number;
  /** What a unit is, e.g. `"accounts"`. */
  readonly unit: string;
}

/** Everything a scheme needs to build its world. */
export interface BuildContext<TParams, TNarrative, TProfile> {
  /** Resolved config. */
  readonly config: ResolvedConfig<TParams>;
  /** The recipe. */
  readonly recipe: Recipe;
  /** The recipe's narrative, validated by the scheme's narrative schema. */
  readonly narrative: TNarrative;
  /** The difficulty profile for `config.common.difficulty`, validated. */
  readonly profile: TProfile;
  /** Keyed RNG root for `config.common.seed`. */
  readonly rng: RngRoot;
  /** Progress callback (no-op when nobody listens). */
  readonly progress: (event: ProgressEvent) => void;
  /** Cancellation. Schemes check it between partitions. */
  readonly signal?: AbortSignal;
  /**
   * When set, build only the independence units (accounts, customers) with dense indices in
   * `[start, end)`; world-level draws are still made in full. Used by parallel generation;
   * only schemes that declare `partition` receive it.
   */
  readonly unitRange?: { readonly start: number; readonly end: number };
}

/**
 * Optional partitioning support: lets core build the world on several worker threads, each
 * over a contiguous range of independence units, and merge the parts. The merged world must
 * equal (byte for byte, once rendered) the world built in one piece.
 */
export interface SchemePartitioning<TWorld> {
  /** Number of independence units for a config (e.g. `n_accounts`). */
  unitCount(config: ResolvedConfig): number;
  /** Concatenate partial worlds built for consecutive unit ranges, given in range order. */
  mergeWorlds(parts: readonly TWorld[]): TWorld;
}

/** A task's declaration. */
export interface TaskSpec {
  /** Task id = folder name under `tasks/`. */
  readonly id: string;
  /** Classification or regression. */
  readonly type: TaskType;
  /** Label column in the task files. */
  readonly labelColumn: string;
  /** The relational table each row corresponds to. */
  readonly primaryTable: string;
  /** Window over which the label is observed, in days. */
  readonly labelWindowDays: number;
  /** What the task asks. */
  readonly description: string;
  /** Exposure modes in which the task is published. @default all */
  readonly modes?: readonly ExposureMode[];
}

/** A rendered task: its rows before splitting, plus the keys used to split them. */
export interface RenderedTask {
  /** The declaration. */
  readonly spec: TaskSpec;
  /** All rows (features, trap, label) in a stable key order. */
  readonly table: ColumnarTable;
  /** Per-row key hashed for random/stratified splits (e.g. `lead_id`). */
  readonly rowKeys: readonly string[];
  /** Per-row group hashed for grouped splits (e.g. `account_id`). */
  readonly groupKeys: readonly string[];
  /**
   * Split hash key. Tasks over the same rows that share it get the same train/valid/test
   * membership (random and grouped strategies), so no row is in one task's train and a sibling
   * task's test (e.g. nested revenue windows). @default the task id
   */
  readonly splitKey?: string;
}

/**
 * A hidden-truth file under `metadata/` (instructor mode only): text, a JSON value (written
 * with two-space indent), or a table (written as Parquet; `path` ends in `.parquet`).
 *
 * Convention read by the quality report: `oracle/<task_id>.parquet` holds the task's id
 * column (same name as in the task files, e.g. `lead_id`) and `oracle_score` (float64: the
 * true probability for classification, the true expected value for regression).
 */
export type MetadataFile =
  | { readonly path: string; readonly content: string | object }
  | { readonly path: string; readonly table: ColumnarTable };

/** Table- and column-level redactions of one exposure mode. */
export interface ExposureRule {
  /** Tables not published at all. */
  readonly omittedTables: readonly string[];
  /** Columns removed from tables: table → columns. */
  readonly redactedColumns: Readonly<Record<string, readonly string[]>>;
  /** Feature columns removed from task files and the dictionary. */
  readonly redactedFeatures: readonly string[];
  /** Whether every published table is cut at the snapshot (no post-cutoff rows or state). */
  readonly snapshotSafe: boolean;
  /** Whether `metadata/` (hidden truth) is published. */
  readonly metadata: boolean;
  /** Plain-language statement of the time cut, for the dataset card. */
  readonly cutoff: string;
}

/** Per-mode exposure rules a scheme commits to; core enforces the table/column parts. */
export type ExposureContract = Readonly<Record<ExposureMode, ExposureRule>>;

/** What `render` returns for one exposure mode. */
export interface RenderedBundle {
  /** Relational tables in output order; core drops omitted tables and redacted columns. */
  readonly tables: readonly ColumnarTable[];
  /** Task frames; core splits and writes them. */
  readonly tasks: readonly RenderedTask[];
  /** Feature dictionary rows (visible columns of the task files). */
  readonly featureDictionary: readonly ColumnSpec[];
  /** Hidden-truth files; written only when the mode publishes metadata. */
  readonly metadata: readonly MetadataFile[];
  /** Fields appended to the manifest (realized counts, windows, …). Must not clash with core keys. */
  readonly manifestFields: Readonly<Record<string, unknown>>;
  /** Motif family of the world, or null. */
  readonly motifFamily: string | null;
  /** Renders the dataset card from the bundle's facts (row counts, split sizes, rates). */
  readonly datasetCard: (facts: BundleFacts) => string;
}

/** Facts about a finished bundle, for dataset cards and summaries. */
export interface BundleFacts {
  /** Resolved config. */
  readonly config: ResolvedConfig;
  /** Scheme package name and version. */
  readonly scheme: {
    readonly name: string;
    readonly packageName: string;
    readonly version: string;
  };
  /** Row count per published table. */
  readonly tableRows: Readonly<Record<string, number>>;
  /** Per task: split row counts and label rate (classification) or mean (regression). */
  readonly tasks: Readonly<
    Record<
      string,
      {
        readonly type: TaskType;
        readonly splits: Record<
          "train" | "valid" | "test",
          { rows: number; labelMean: number | null }
        >;
      }
    >
  >;
  /** The exposure rule in force. */
  readonly exposure: ExposureRule;
  /** Omitted tables and redacted columns actually applied. */
  readonly structuralRedactions: StructuralRedactions;
}

/** Table- and column-level redactions recorded in the manifest. */
export interface StructuralRedactions {
  /** table → sorted redacted columns. */
  readonly columns: Readonly<Record<string, readonly string[]>>;
  /** Sorted omitted tables. */
  readonly omitted_tables: readonly string[];
}

/**
 * A generation scheme: one end-to-end pipeline shape (population → simulation → render).
 * Build one with {@link defineScheme}.
 */
// biome-ignore lint/suspicious/noExplicitAny: defaults must be `any` so a scheme with concrete types is assignable to the registry's element type (function parameters are contravariant).
export interface GenerationScheme<TParams = any, TWorld = any, TNarrative = any, TProfile = any> {
  /** Brand set by `defineScheme`. */
  readonly [SCHEME_BRAND]: true;
  /** Protocol version the scheme was built for. */
  readonly protocolVersion: number;
  /** Registry key, snake_case (`lead_scoring`). */
  readonly name: string;
  /** npm package that ships it (`@leadforge/scheme-lead-scoring`). */
  readonly packageName: string;
  /** Exact package version (recorded in manifests). */
  readonly version: string;
  /** One-line description. */
  readonly description: string;
  /** The flag that sets the headline population size (`n_leads`, `n_customers`). */
  readonly sizeParam: string;
  /** Zod schema of the scheme's own params, with defaults. Must be a strict object. */
  readonly paramsSchema: z.ZodObject<z.ZodRawShape>;
  /** Zod schema of the recipe's `narrative.yaml`. */
  readonly narrativeSchema: z.ZodType<TNarrative>;
  /** Zod schema of one difficulty profile. */
  readonly profileSchema: z.ZodType<TProfile>;
  /** Every table the scheme can emit, with full column declarations. */
  readonly tables: readonly TableSpec[];
  /** Every task the scheme can emit. */
  readonly tasks: readonly TaskSpec[];
  /** Exposure contract. */
  readonly exposure: ExposureContract;
  /** Recipes shipped with the scheme (raw text, parsed by core). */
  readonly recipes: readonly RecipeSource[];
  /** Partitioning support for parallel generation (optional). */
  readonly partition?: SchemePartitioning<TWorld>;
  /** Build the world: population and simulation. Deterministic in its inputs. */
  buildWorld(ctx: BuildContext<TParams, TNarrative, TProfile>): TWorld;
  /** Render tables, tasks and metadata for `mode`. Pure in the world. */
  render(world: TWorld, ctx: BuildContext<TParams, TNarrative, TProfile>): RenderedBundle;
  /** Scheme-specific validation checks. */
  readonly validators: readonly ValidationProvider[];
}

/** Infer a scheme's params type. */
export type SchemeParams<S> = S extends GenerationScheme<infer P> ? P : never;

/** The tier name type re-exported for scheme authors. */
export type { DifficultyTier };
