import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type ColumnarTable,
  createRegistry,
  createRngRoot,
  generateBundle,
  type InMemoryBundle,
  parseRecipe,
  resolveConfig,
  rowAt,
} from "@leadforge/core";
import { readParquetTable, writeBundle } from "@leadforge/core/node";
import { buildLifecycleWorld, type LifecycleWorld } from "../src/build-world.js";
import { RECIPES } from "../src/recipes.generated.js";
import { lifecycleScheme } from "../src/scheme.js";

/** A registry holding only the lifecycle scheme. */
export function lifecycleRegistry() {
  const registry = createRegistry();
  registry.register(lifecycleScheme);
  return registry;
}

/** Generate an in-memory bundle of the shipped recipe. */
export function generate(options: Record<string, unknown>): InMemoryBundle {
  return generateBundle({ recipe: "b2b_saas_ltv_v1", registry: lifecycleRegistry(), options });
}

/** Build only the world (no render) with the shipped recipe and flat options. */
export function buildWorld(options: Record<string, unknown>): LifecycleWorld {
  const recipe = parseRecipe(RECIPES[0]!);
  const config = resolveConfig<never>({ scheme: lifecycleScheme, recipe, options });
  return buildLifecycleWorld({
    config,
    recipe,
    narrative: lifecycleScheme.narrativeSchema.parse(recipe.narrative),
    profile: lifecycleScheme.profileSchema.parse(
      recipe.difficultyProfiles[config.common.difficulty],
    ),
    rng: createRngRoot(config.common.seed),
    progress: () => {},
  } as never);
}

/** Write a bundle into a fresh temp folder; returns the folder and a cleanup. */
export async function writeTemp(bundle: InMemoryBundle) {
  const dir = await mkdtemp(join(tmpdir(), "lifecycle-test-"));
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

/** A table as row objects (small tables only). */
export function rows(t: ColumnarTable): Record<string, unknown>[] {
  return Array.from({ length: t.length }, (_, r) => rowAt(t, r));
}

/** A bundle table by name. */
export function bundleTable(bundle: InMemoryBundle, name: string): ColumnarTable {
  const t = bundle.tables.find((x) => x.spec.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}
