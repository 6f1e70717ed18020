import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createRegistry,
  encodeCsv,
  generateBundle,
  getColumn,
  manifestSchema,
} from "../src/index.js";
import { listBundleFiles, openBundle, writeBundle } from "../src/node/index.js";
import { toyScheme } from "./fixtures/toy-scheme.js";

let dir: string;
const registry = createRegistry();
registry.register(toyScheme);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lf-core-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const gen = (options: Record<string, unknown> = {}) =>
  generateBundle({ recipe: "toy_recipe_v1", registry, options: { n_customers: 60, ...options } });

async function treeHashes(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of await listBundleFiles(root)) {
    out[f] = createHash("sha256")
      .update(await readFile(join(root, f)))
      .digest("hex");
  }
  return out;
}

describe("writeBundle", () => {
  it("writes the layout with a manifest that hashes every other file", async () => {
    const out = join(dir, "public");
    const { manifest } = await writeBundle({ bundle: gen(), outDir: out });
    const files = await listBundleFiles(out);
    expect(files).toEqual([
      "dataset_card.md",
      "feature_dictionary.csv",
      "manifest.json",
      "tables/customers.parquet",
      "tables/orders.parquet",
      "tasks/will_buy/task_manifest.json",
      "tasks/will_buy/test.parquet",
      "tasks/will_buy/train.parquet",
      "tasks/will_buy/valid.parquet",
    ]);
    expect(Object.keys(manifest.files).sort()).toEqual(files.filter((f) => f !== "manifest.json"));
    const hashes = await treeHashes(out);
    for (const [f, h] of Object.entries(manifest.files)) expect(hashes[f]).toBe(h);
    const parsed = manifestSchema.parse(
      JSON.parse(await readFile(join(out, "manifest.json"), "utf8")),
    );
    expect(parsed).toMatchObject({
      bundle_schema_version: "6",
      generation_scheme: "toy",
      scheme_package: { name: "@leadforge/scheme-toy", version: "1.2.3" },
      rng_algorithm: "xoshiro128ss-murmur3-keyed-v1",
      seed: 42,
      generation_timestamp: null,
      exposure_mode: "student_public",
      motif_family: "toy_family",
      redacted_columns: ["secret_score"],
      relational_snapshot_safe: true,
      structural_redactions: { columns: { orders: ["internal_note"] }, omitted_tables: [] },
      split_strategy: "grouped",
      n_customers: 60,
    });
    expect(parsed.tables.customers!.row_count).toBe(60);
    expect(parsed.config_sha256).toMatch(/^[0-9a-f]{64}$/);
    const t = parsed.tasks.will_buy!;
    expect(Number(t.train_rows) + Number(t.valid_rows) + Number(t.test_rows)).toBe(60);
  });

  it("is byte-identical across runs and changes with the seed", async () => {
    await writeBundle({ bundle: gen(), outDir: join(dir, "a") });
    await writeBundle({ bundle: gen(), outDir: join(dir, "b") });
    await writeBundle({ bundle: gen({ seed: 43 }), outDir: join(dir, "c") });
    const a = await treeHashes(join(dir, "a"));
    expect(await treeHashes(join(dir, "b"))).toEqual(a);
    expect((await treeHashes(join(dir, "c")))["tables/customers.parquet"]).not.toBe(
      a["tables/customers.parquet"],
    );
  });

  it("applies the exposure contract: redacted columns and features, metadata only for instructors", async () => {
    const pub = await openBundle(join(dir, "public"));
    const orders = await pub.readTable("tables/orders.parquet");
    expect(orders.spec.columns.map((c) => c.name)).not.toContain("internal_note");
    const train = await pub.readTable("tasks/will_buy/train.parquet");
    expect(train.spec.columns.map((c) => c.name)).not.toContain("secret_score");
    expect(pub.listFiles().some((f) => f.startsWith("metadata/"))).toBe(false);

    const out = join(dir, "instructor");
    await writeBundle({ bundle: gen({ exposure_mode: "research_instructor" }), outDir: out });
    const ins = await openBundle(out);
    expect(ins.listFiles()).toContain("metadata/truth.json");
    expect(ins.listFiles()).toContain("metadata/world_spec.json");
    const full = await ins.readTable("tables/orders.parquet");
    expect(full.spec.columns.map((c) => c.name)).toContain("internal_note");
    expect(full.length).toBeGreaterThan(orders.length); // public rows are cut at the snapshot
  });

  it("keeps every group in one split (grouped strategy) and covers all rows", async () => {
    const pub = await openBundle(join(dir, "public"));
    const seen = new Map<string, string>();
    for (const split of ["train", "valid", "test"]) {
      const t = await pub.readTable(`tasks/will_buy/${split}.parquet`);
      for (const id of getColumn(t, "customer_id") as string[]) {
        expect(seen.has(id)).toBe(false);
        seen.set(id, split);
      }
    }
    expect(seen.size).toBe(60);
  });

  it("refuses a non-empty output folder unless forced, and replaces it when forced", async () => {
    const out = join(dir, "exists");
    await mkdir(out, { recursive: true });
    await writeFile(join(out, "keep.txt"), "x");
    await expect(writeBundle({ bundle: gen(), outDir: out })).rejects.toThrow(
      /exists and is not empty; pass --force/,
    );
    await writeBundle({ bundle: gen(), outDir: out, force: true });
    const files = await readdir(out);
    expect(files).not.toContain("keep.txt");
    expect(files).toContain("manifest.json");
  });

  it("leaves no output and no temporary folder when the write fails midway", async () => {
    const ctrl = new AbortController();
    const out = join(dir, "aborted");
    let written = 0;
    await expect(
      writeBundle({
        bundle: gen(),
        outDir: out,
        signal: ctrl.signal,
        onFile: () => {
          if (++written === 3) ctrl.abort();
        },
      }),
    ).rejects.toThrow(/cancelled/);
    const left = await readdir(dir);
    expect(left).not.toContain("aborted");
    expect(left.filter((f) => f.includes("aborted"))).toEqual([]);
  });

  it("records a timestamp only when one is given", async () => {
    const out = join(dir, "stamped");
    const { manifest } = await writeBundle({
      bundle: gen({ generation_timestamp: "2026-01-01T00:00:00Z" }),
      outDir: out,
    });
    expect(manifest.generation_timestamp).toBe("2026-01-01T00:00:00Z");
    // The timestamp is not part of the config hash: same data, same hash.
    const plain = JSON.parse(await readFile(join(dir, "a", "manifest.json"), "utf8"));
    expect(manifest.config_sha256).toBe(plain.config_sha256);
  });

  it("writes CSV alongside or instead of Parquet", async () => {
    const out = join(dir, "csv");
    const bundle = gen({ format: "both" });
    const { manifest } = await writeBundle({ bundle, outDir: out });
    const files = await listBundleFiles(out);
    expect(files).toContain("tables/orders.csv");
    expect(files).toContain("tables/orders.parquet");
    expect(manifest.tables.orders!.file).toBe("tables/orders.parquet");
    const csv = await readFile(join(out, "tables/orders.csv"), "utf8");
    expect(csv.split("\n")[0]).toBe("order_id,customer_id,ordered_at,amount");
    expect(csv.split("\n")[1]).toMatch(
      /^ord_\d{6}_1,cust_\d{6},2022-\d\d-\d\dT00:00:00\.000000Z,\d+(\.\d+)?$/,
    );
    // Streamed to disk in chunks: the same text as the whole-table encoder, hashed as written.
    const orders = bundle.tables.find((t) => t.spec.name === "orders")!;
    expect(csv).toBe([...encodeCsv(orders)].join(""));
    expect(manifest.files["tables/orders.csv"]).toBe(
      createHash("sha256").update(csv).digest("hex"),
    );
  });

  it("detects an edited file through the manifest hashes", async () => {
    const out = join(dir, "edited");
    const { manifest } = await writeBundle({ bundle: gen(), outDir: out });
    await writeFile(join(out, "dataset_card.md"), "tampered\n");
    const hashes = await treeHashes(out);
    expect(hashes["dataset_card.md"]).not.toBe(manifest.files["dataset_card.md"]);
  });
});
