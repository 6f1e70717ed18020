import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type ColumnarTable,
  createRegistry,
  createRngRoot,
  type GenerationScheme,
  generateBundle,
  getColumn,
  type InMemoryBundle,
  parseRecipe,
  resolveConfig,
  type SchemeRegistry,
} from "@leadforge/core";
import { readParquetTable, writeBundle } from "@leadforge/core/node";
import { type BuildWorldOptions, buildWorld, type LeadScoringWorld } from "../src/build-world.js";
import { RECIPES } from "../src/recipes.generated.js";
import { leadScoringScheme } from "../src/scheme.js";

/** Small worlds keep the shared 2-core machine free. */
export const SMALL = 300;

/** A fresh registry holding `scheme` (the lead-scoring scheme by default). */
export function registryWith(scheme: GenerationScheme = leadScoringScheme): SchemeRegistry {
  const registry = createRegistry();
  registry.register(scheme);
  return registry;
}

/** Generate an in-memory bundle of the shipped recipe with flat options. */
export function generate(
  options: Record<string, unknown>,
  registry: SchemeRegistry = registryWith(),
): InMemoryBundle {
  return generateBundle({ recipe: "b2b_saas_procurement_v1", registry, options });
}

/** The build context of the shipped recipe for flat options. */
export function worldContext(options: Record<string, unknown>): Parameters<typeof buildWorld>[0] {
  const recipe = parseRecipe(RECIPES[0]!);
  const config = resolveConfig<never>({ scheme: leadScoringScheme, recipe, options });
  return {
    config,
    recipe,
    narrative: leadScoringScheme.narrativeSchema.parse(recipe.narrative),
    profile: leadScoringScheme.profileSchema.parse(
      recipe.difficultyProfiles[config.common.difficulty],
    ),
    rng: createRngRoot(config.common.seed),
    progress: () => {},
  } as never;
}

/** Build only the world (no render) from flat options. */
export function world(
  options: Record<string, unknown>,
  build: BuildWorldOptions = {},
): LeadScoringWorld {
  return buildWorld(worldContext(options), build);
}

/** Write a bundle into a fresh temp folder; returns the folder and a cleanup. */
export async function writeTemp(bundle: InMemoryBundle) {
  const dir = await mkdtemp(join(tmpdir(), "lead-scoring-test-"));
  const out = join(dir, "bundle");
  await writeBundle({ bundle, outDir: out });
  return { out, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Every file under `root`, relative, sorted. */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string) => {
    for (const e of await readdir(join(root, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(p);
      else out.push(p);
    }
  };
  await walk("");
  return out.sort();
}

/** Read a Parquet file of a written bundle. */
export async function readTable(root: string, rel: string): Promise<ColumnarTable> {
  return readParquetTable(new Uint8Array(await readFile(join(root, rel))), rel);
}

/** A bundle table by name. */
export function table(bundle: InMemoryBundle, name: string): ColumnarTable {
  const t = bundle.tables.find((x) => x.spec.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

/** A column as a typed array of values. */
export function col<T>(t: ColumnarTable, name: string): T[] {
  return getColumn(t, name) as unknown as T[];
}

/** All task rows (train, valid, test concatenated) of the bundle's only task. */
export function taskRows(bundle: InMemoryBundle): ColumnarTable[] {
  const task = bundle.tasks[0]!;
  return [task.splits.train, task.splits.valid, task.splits.test];
}

/** µs per day. */
export const MICROS_PER_DAY = 86_400_000_000;
