// Helpers that damage a bundle on disk the way a careless edit would, and optionally
// re-seal the manifest (fix the hashes and counts) so a check other than integrity must
// catch the damage.
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ColumnarTable } from "../../src/index.js";
import { encodeParquet, readParquetTable, sha256 } from "../../src/node/index.js";

/** Copy a pristine bundle to `dest`. */
export async function copyBundle(src: string, dest: string): Promise<string> {
  await cp(src, dest, { recursive: true });
  return dest;
}

/** Read a Parquet file of a bundle. */
export async function readTable(dir: string, rel: string): Promise<ColumnarTable> {
  const b = await readFile(join(dir, rel));
  return readParquetTable(new Uint8Array(b.buffer, b.byteOffset, b.byteLength), rel);
}

/** Write a table into a bundle and re-seal its hash and row counts in the manifest. */
export async function writeTable(dir: string, rel: string, table: ColumnarTable): Promise<void> {
  await writeFile(join(dir, rel), encodeParquet(table));
  await reseal(dir, rel, table.length);
}

/** Recompute a file's hash (and optionally row count) in the manifest. */
export async function reseal(dir: string, rel: string, rows?: number): Promise<void> {
  const path = join(dir, "manifest.json");
  const m = JSON.parse(await readFile(path, "utf8"));
  const sha = sha256(await readFile(join(dir, rel)));
  m.files[rel] = sha;
  for (const t of Object.values(m.tables) as {
    file: string;
    sha256: string;
    row_count: number;
  }[]) {
    if (t.file === rel) {
      t.sha256 = sha;
      if (rows !== undefined) t.row_count = rows;
    }
  }
  const task = /^tasks\/([^/]+)\/(train|valid|test)\.parquet$/.exec(rel);
  if (task) {
    m.tasks[task[1]!][`${task[2]}_sha256`] = sha;
    if (rows !== undefined) m.tasks[task[1]!][`${task[2]}_rows`] = rows;
  }
  m.files = Object.fromEntries(Object.entries(m.files).sort(([a], [b]) => (a < b ? -1 : 1)));
  await writeFile(path, `${JSON.stringify(m, null, 2)}\n`);
}

/** Edit the manifest JSON in place. */
export async function editManifest(
  dir: string,
  // biome-ignore lint/suspicious/noExplicitAny: tests poke at arbitrary manifest fields
  edit: (m: Record<string, any>) => void,
): Promise<void> {
  const path = join(dir, "manifest.json");
  const m = JSON.parse(await readFile(path, "utf8"));
  edit(m);
  await writeFile(path, `${JSON.stringify(m, null, 2)}\n`);
}

/** A copy of `table` with one column's spec and values replaced (or added at the end). */
export function setColumn(
  table: ColumnarTable,
  spec: ColumnarTable["spec"]["columns"][number],
  values: unknown[],
): ColumnarTable {
  const i = table.spec.columns.findIndex((c) => c.name === spec.name);
  const specs = [...table.spec.columns];
  const cols = [...table.columns];
  if (i < 0) {
    specs.push(spec);
    cols.push(values as never);
  } else {
    specs[i] = spec;
    cols[i] = values as never;
  }
  return { spec: { ...table.spec, columns: specs }, length: table.length, columns: cols };
}

/** A copy of `table` with extra rows appended (values per column, in column order). */
export function appendRows(table: ColumnarTable, rows: unknown[][]): ColumnarTable {
  return {
    spec: table.spec,
    length: table.length + rows.length,
    columns: table.columns.map((c, j) => [...(c as unknown[]), ...rows.map((r) => r[j])]) as never,
  };
}
