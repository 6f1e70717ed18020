import type { ColumnarTable } from "../table/types.js";
import type { BundleReader, Finding, ValidationContext, ValidationProvider } from "./types.js";

function valuesOf(table: ColumnarTable, column: string): unknown[] | null {
  const i = table.spec.columns.findIndex((c) => c.name === column);
  return i < 0 ? null : (table.columns[i] as unknown[]);
}

/**
 * Foreign keys across all published tables: every non-null value of a column declaring
 * `references {table, column}` must exist in the referenced table. A reference into a table
 * the exposure mode omits is skipped (noted), a reference into a missing table is an error.
 * Also checks declared primary keys are unique.
 */
export function createForeignKeyProvider(): ValidationProvider {
  return {
    name: "foreign_keys",
    async check(bundle: BundleReader, context?: ValidationContext) {
      const scheme = context?.scheme;
      if (!scheme) return [];
      const out: Finding[] = [];
      const rule = scheme.exposure[bundle.manifest.exposure_mode];
      const omitted = new Set(rule?.omittedTables ?? []);
      const files = new Set(bundle.listFiles());
      const load = async (name: string): Promise<ColumnarTable | null> => {
        const entry = bundle.manifest.tables[name];
        if (!entry || !entry.file.endsWith(".parquet") || !files.has(entry.file)) return null;
        return bundle.readTable(entry.file);
      };
      for (const spec of scheme.tables) {
        const child = await load(spec.name);
        if (!child) continue;
        const file = bundle.manifest.tables[spec.name]!.file;
        if (spec.primaryKey) {
          const keys = valuesOf(child, spec.primaryKey);
          if (keys) {
            const seen = new Set<unknown>();
            let dup = 0;
            let example: unknown;
            for (const k of keys) {
              if (seen.has(k)) {
                dup++;
                example ??= k;
              } else seen.add(k);
            }
            if (dup > 0) {
              out.push({
                severity: "error",
                code: "pk_duplicate",
                file,
                column: spec.primaryKey,
                value: dup,
                message: `${spec.name}.${spec.primaryKey} is not unique: ${dup} duplicate(s), e.g. ${JSON.stringify(example)}`,
              });
            }
          }
        }
        for (const col of spec.columns) {
          if (!col.references) continue;
          const ref = col.references;
          const where = `${spec.name}.${col.name} → ${ref.table}.${ref.column}`;
          const values = valuesOf(child, col.name);
          if (!values) continue; // a missing column is schema drift, reported there
          const parent = await load(ref.table);
          if (!parent) {
            out.push(
              omitted.has(ref.table)
                ? {
                    severity: "info",
                    code: "fk_skipped",
                    file,
                    column: col.name,
                    message: `Foreign key ${where} not checked: '${ref.table}' is omitted in ${bundle.manifest.exposure_mode} bundles`,
                  }
                : {
                    severity: "error",
                    code: "fk_missing_table",
                    file,
                    column: col.name,
                    message: `Foreign key ${where} cannot hold: table '${ref.table}' is missing`,
                  },
            );
            continue;
          }
          const parentKeys = new Set(valuesOf(parent, ref.column) ?? []);
          const orphans: unknown[] = [];
          let count = 0;
          for (const v of values) {
            if (v === null || parentKeys.has(v)) continue;
            count++;
            if (orphans.length < 3) orphans.push(v);
          }
          if (count > 0) {
            out.push({
              severity: "error",
              code: "fk_broken",
              file,
              column: col.name,
              value: count,
              message: `Foreign key ${where} broken: ${count} orphan value(s), e.g. ${orphans.map((o) => JSON.stringify(o)).join(", ")}`,
            });
          }
        }
      }
      return out;
    },
  };
}
