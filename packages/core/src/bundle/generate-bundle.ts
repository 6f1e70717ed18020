import satisfies from "semver/functions/satisfies.js";
import { version as CORE_VERSION } from "../../package.json";
import { formatZodIssues } from "../config/format-zod-issues.js";
import type { Recipe } from "../config/recipe-schema.js";
import { flattenConfig, resolveConfig } from "../config/resolve-config.js";
import {
  CancelledError,
  InvalidConfigError,
  InvalidRecipeError,
  SchemeVersionError,
} from "../errors/errors.js";
import { createRngRoot, RNG_ALGORITHM } from "../rng/create-rng-root.js";
import { getDefaultRegistry, type SchemeRegistry } from "../scheme/registry.js";
import type {
  BuildContext,
  BundleFacts,
  GenerationScheme,
  ProgressEvent,
  ResolvedConfig,
  StructuralRedactions,
} from "../scheme/types.js";
import { readColumn } from "../table/read-rows.js";
import { dropColumns, takeRows } from "../table/table-ops.js";
import type { ColumnarTable } from "../table/types.js";
import { assignSplits, SPLIT_NAMES, type SplitName } from "./assign-splits.js";
import { prettyJson } from "./canonical-json.js";
import { renderFeatureDictionary } from "./feature-dictionary.js";
import { findRecipe } from "./find-recipe.js";
import { BUNDLE_SCHEMA_VERSION, CORE_MANIFEST_KEYS } from "./manifest.js";

/** A task after splitting. */
export interface SplitTask {
  /** Task id. */
  readonly id: string;
  /** Split frames in train, valid, test order. */
  readonly splits: Readonly<Record<SplitName, ColumnarTable>>;
}

/** A generated bundle held in memory, before encoding and hashing. */
export interface InMemoryBundle {
  /** Resolved config. */
  readonly config: ResolvedConfig;
  /** The scheme that produced it. */
  readonly scheme: GenerationScheme;
  /** Published relational tables, in output order. */
  readonly tables: readonly ColumnarTable[];
  /** Published tasks with their splits. */
  readonly tasks: readonly SplitTask[];
  /** Text files by bundle-relative path (card, dictionary, task manifests, metadata). */
  readonly texts: ReadonlyMap<string, string>;
  /** Hidden-truth tables written as Parquet under `metadata/` (instructor mode only). */
  readonly metadataTables: readonly { readonly path: string; readonly table: ColumnarTable }[];
  /** Manifest fields known before files are encoded (everything but hashes). */
  readonly manifestDraft: Readonly<Record<string, unknown>>;
  /** Facts used for the dataset card and summaries. */
  readonly facts: BundleFacts;
}

/** Options for {@link generateBundle}. */
export interface GenerateBundleOptions {
  /** Recipe object, or a recipe id looked up among registered schemes' recipes. */
  readonly recipe: Recipe | string;
  /** Registry to resolve the scheme from. @default the process-wide registry */
  readonly registry?: SchemeRegistry;
  /** Flat keys from an override file. */
  readonly override?: Readonly<Record<string, unknown>>;
  /** Label for the override layer in error messages. */
  readonly overrideLabel?: string;
  /** Flat explicit options (highest precedence): `seed`, `difficulty`, `n_leads`, … */
  readonly options?: Readonly<Record<string, unknown>>;
  /** Progress callback. */
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Cancellation. */
  readonly signal?: AbortSignal;
}

/** Mean label of each split (null when a split has no labelled row), summed in row order. */
function labelMeans(
  labels: readonly (number | boolean | null)[],
  assignment: readonly SplitName[],
): Record<SplitName, number | null> {
  const sum = { train: 0, valid: 0, test: 0 };
  const n = { train: 0, valid: 0, test: 0 };
  for (let r = 0; r < labels.length; r++) {
    const v = labels[r];
    if (v === null || v === undefined) continue;
    const s = assignment[r]!;
    sum[s] += typeof v === "boolean" ? (v ? 1 : 0) : v;
    n[s]++;
  }
  const mean = (s: SplitName) => (n[s] === 0 ? null : sum[s] / n[s]);
  return { train: mean("train"), valid: mean("valid"), test: mean("test") };
}

function sortedRecord(rec: Readonly<Record<string, readonly string[]>>): Record<string, string[]> {
  return Object.fromEntries(
    Object.keys(rec)
      .filter((k) => (rec[k] ?? []).length > 0)
      .sort()
      .map((k) => [k, [...rec[k]!].sort()]),
  );
}

/** A run whose config, narrative and profile are resolved and validated, ready to build. */
export interface PreparedRun {
  /** The scheme. */
  readonly scheme: GenerationScheme;
  /** The recipe. */
  readonly recipe: Recipe;
  /** Resolved config. */
  readonly config: ResolvedConfig;
  /** The build context handed to the scheme. */
  readonly ctx: BuildContext<unknown, unknown, unknown>;
}

/**
 * Resolve and validate everything a run needs before any work: recipe, scheme, config
 * (precedence and unknown keys), narrative and difficulty profile.
 */
export function prepareRun(opts: GenerateBundleOptions): PreparedRun {
  const registry = opts.registry ?? getDefaultRegistry();
  const recipe = typeof opts.recipe === "string" ? findRecipe(opts.recipe, registry) : opts.recipe;
  const scheme = registry.get(recipe.scheme);
  if (recipe.scheme_version !== undefined && !satisfies(scheme.version, recipe.scheme_version)) {
    throw new SchemeVersionError(
      `Recipe '${recipe.id}' needs ${scheme.packageName}@${recipe.scheme_version}, but ${scheme.version} is installed. Install a matching version: pnpm add ${scheme.packageName}@"${recipe.scheme_version}" (or npm install ${scheme.packageName}@"${recipe.scheme_version}").`,
      { details: { required: recipe.scheme_version, installed: scheme.version } },
    );
  }
  const config = resolveConfig<Record<string, unknown>>({
    scheme,
    recipe,
    ...(opts.override ? { override: opts.override } : {}),
    ...(opts.options ? { options: opts.options } : {}),
    ...(opts.overrideLabel ? { overrideLabel: opts.overrideLabel } : {}),
  });
  const { common } = config;
  const narrative = scheme.narrativeSchema.safeParse(recipe.narrative ?? {});
  if (!narrative.success) {
    throw new InvalidRecipeError(
      `Invalid narrative.yaml in recipe '${recipe.id}': ${formatZodIssues(narrative.error, recipe.narrative).join("; ")}`,
    );
  }
  const rawProfile = recipe.difficultyProfiles[common.difficulty];
  const profile = scheme.profileSchema.safeParse(rawProfile ?? {});
  if (!profile.success) {
    throw new InvalidRecipeError(
      `Invalid difficulty profile '${common.difficulty}' in recipe '${recipe.id}': ${formatZodIssues(profile.error, rawProfile).join("; ")}`,
    );
  }
  const ctx: BuildContext<unknown, unknown, unknown> = {
    config,
    recipe,
    narrative: narrative.data,
    profile: profile.data,
    rng: createRngRoot(common.seed),
    progress: opts.onProgress ?? (() => {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  };
  return { scheme, recipe, config, ctx };
}

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

/**
 * Generate a bundle in memory: resolve config, build the world, render it for the
 * requested exposure mode, enforce the exposure contract, split the tasks and assemble the
 * texts. Isomorphic (no I/O); `writeBundle` from `@leadforge/core/node` encodes and writes it.
 */
export function generateBundle(opts: GenerateBundleOptions): InMemoryBundle {
  const run = prepareRun(opts);
  checkAbort(run.ctx.signal);
  const world = run.scheme.buildWorld(run.ctx);
  return renderBundle(run, world);
}

/**
 * Render a built world into an in-memory bundle: the scheme's `render`, then the exposure
 * contract, splits, card, dictionary, metadata and manifest draft.
 */
export function renderBundle(run: PreparedRun, world: unknown): InMemoryBundle {
  const { scheme, recipe, config, ctx } = run;
  const { common } = config;
  checkAbort(ctx.signal);
  ctx.progress({ stage: "render", done: 0, total: 1, unit: "bundle" });
  const rendered = scheme.render(world, ctx);
  checkAbort(ctx.signal);

  const rule = scheme.exposure[common.exposure_mode];
  const omitted = new Set(rule.omittedTables);
  const tables = rendered.tables
    .filter((t) => !omitted.has(t.spec.name))
    .map((t) => dropColumns(t, rule.redactedColumns[t.spec.name] ?? []));
  const structuralRedactions: StructuralRedactions = {
    columns: sortedRecord(rule.redactedColumns),
    omitted_tables: [...rule.omittedTables].sort(),
  };

  const texts = new Map<string, string>();
  const tasks: SplitTask[] = [];
  const taskFacts: Record<string, BundleFacts["tasks"][string]> = {};
  const redactedFeatures = new Set(rule.redactedFeatures);
  for (const task of rendered.tasks) {
    if (task.spec.modes && !task.spec.modes.includes(common.exposure_mode)) continue;
    const table = dropColumns(task.table, redactedFeatures);
    const label = task.spec.labelColumn;
    // Read once; a lazy task table computes only this column here and its rows at write time.
    const labels = readColumn(table, label) as (number | boolean | null)[];
    const assignment = assignSplits({
      rng: ctx.rng,
      taskId: task.splitKey ?? task.spec.id,
      strategy: common.split_strategy,
      ratios: common.split_ratios,
      rowKeys: task.rowKeys,
      groupKeys: task.groupKeys,
      strata: labels,
    });
    const idx: Record<SplitName, number[]> = { train: [], valid: [], test: [] };
    assignment.forEach((s, i) => {
      idx[s].push(i);
    });
    const splits = Object.fromEntries(
      SPLIT_NAMES.map((s) => [s, takeRows(table, idx[s])]),
    ) as Record<SplitName, ColumnarTable>;
    tasks.push({ id: task.spec.id, splits });
    const means = labelMeans(labels, assignment);
    const stats = Object.fromEntries(
      SPLIT_NAMES.map((s) => [s, { rows: splits[s].length, labelMean: means[s] }]),
    ) as Record<SplitName, { rows: number; labelMean: number | null }>;
    taskFacts[task.spec.id] = { type: task.spec.type, splits: stats };
    const groups = new Set(task.groupKeys).size;
    texts.set(
      `tasks/${task.spec.id}/task_manifest.json`,
      prettyJson({
        task_id: task.spec.id,
        task_type: task.spec.type,
        label_column: label,
        label_window_days: task.spec.labelWindowDays,
        primary_table: task.spec.primaryTable,
        split: common.split_ratios,
        split_strategy: common.split_strategy,
        split_group: common.split_strategy === "grouped" ? "account_id" : null,
        n_groups: groups,
        split_counts: Object.fromEntries(SPLIT_NAMES.map((s) => [s, stats[s].rows])),
        [task.spec.type === "binary_classification" ? "label_rate" : "label_mean"]:
          Object.fromEntries(SPLIT_NAMES.map((s) => [s, stats[s].labelMean])),
        description: task.spec.description,
      }),
    );
  }

  const clash = Object.keys(rendered.manifestFields).filter((k) => CORE_MANIFEST_KEYS.includes(k));
  if (clash.length > 0) {
    throw new InvalidConfigError(
      `scheme '${scheme.name}' manifestFields would overwrite core keys: ${clash.join(", ")}`,
    );
  }
  const tableRows = Object.fromEntries(tables.map((t) => [t.spec.name, t.length]));
  const facts: BundleFacts = {
    config,
    scheme: { name: scheme.name, packageName: scheme.packageName, version: scheme.version },
    tableRows,
    tasks: taskFacts,
    exposure: rule,
    structuralRedactions,
  };
  texts.set("dataset_card.md", rendered.datasetCard(facts));
  texts.set(
    "feature_dictionary.csv",
    renderFeatureDictionary(
      rendered.featureDictionary.filter((c) => !redactedFeatures.has(c.name)),
    ),
  );
  const metadataTables: { path: string; table: ColumnarTable }[] = [];
  if (rule.metadata) {
    texts.set(
      "metadata/world_spec.json",
      prettyJson({ config: flattenConfig(config), narrative: recipe.narrative }),
    );
    for (const f of rendered.metadata) {
      if ("table" in f) metadataTables.push({ path: `metadata/${f.path}`, table: f.table });
      else {
        texts.set(
          `metadata/${f.path}`,
          typeof f.content === "string" ? f.content : prettyJson(f.content),
        );
      }
    }
  }

  const manifestDraft: Record<string, unknown> = {
    bundle_schema_version: BUNDLE_SCHEMA_VERSION,
    package_version: scheme.version,
    generation_scheme: scheme.name,
    scheme_package: { name: scheme.packageName, version: scheme.version },
    core_version: CORE_VERSION,
    rng_algorithm: RNG_ALGORITHM,
    recipe_id: recipe.id,
    seed: common.seed,
    generation_timestamp: common.generation_timestamp,
    exposure_mode: common.exposure_mode,
    difficulty: common.difficulty,
    ...rendered.manifestFields,
    motif_family: rendered.motifFamily,
    redacted_columns: [...rule.redactedFeatures].sort(),
    relational_snapshot_safe: rule.snapshotSafe,
    structural_redactions: structuralRedactions,
    split_strategy: common.split_strategy,
    config: flattenConfig(config),
  };
  return { config, scheme, tables, tasks, texts, metadataTables, manifestDraft, facts };
}
