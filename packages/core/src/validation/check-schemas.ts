import type { ColumnarTable, ColumnSpec } from "../table/types.js";
import { listBundleTasks, readDictionary } from "./bundle-tasks.js";
import { parseCsv } from "./parse-feature-dictionary.js";
import type { BundleReader, Finding, ValidationContext, ValidationProvider } from "./types.js";

function compareColumns(
  file: string,
  actual: readonly ColumnSpec[],
  expected: readonly { name: string; type: string; nullable?: boolean | undefined }[],
  options: { optional?: ReadonlySet<string>; allowed?: ReadonlySet<string> } = {},
): Finding[] {
  const out: Finding[] = [];
  const have = new Map(actual.map((c) => [c.name, c] as const));
  const want = new Map(expected.map((c) => [c.name, c] as const));
  for (const e of expected) {
    const a = have.get(e.name);
    if (!a) {
      if (options.optional?.has(e.name)) continue;
      out.push({
        severity: "error",
        code: "schema_missing_column",
        file,
        column: e.name,
        message: `${file} is missing declared column '${e.name}' (${e.type})`,
      });
    } else if (a.type !== e.type) {
      out.push({
        severity: "error",
        code: "schema_type_mismatch",
        file,
        column: e.name,
        message: `${file} column '${e.name}' has Parquet type ${a.type}, declared ${e.type}`,
      });
    } else if (e.nullable !== undefined && (a.nullable ?? false) !== e.nullable) {
      out.push({
        severity: "warning",
        code: "schema_nullability_mismatch",
        file,
        column: e.name,
        message: `${file} column '${e.name}' is ${a.nullable ? "nullable" : "required"} in the file but declared ${e.nullable ? "nullable" : "required"}`,
      });
    }
  }
  for (const a of actual) {
    if (!want.has(a.name) && !options.allowed?.has(a.name)) {
      out.push({
        severity: "error",
        code: "schema_unexpected_column",
        file,
        column: a.name,
        message: `${file} has undeclared column '${a.name}' (${a.type}); an undeclared column may leak`,
      });
    }
  }
  // Same names, different order: drift a reader relying on positions would notice.
  if (out.length === 0) {
    const order = actual.map((c) => c.name).filter((n) => want.has(n));
    const wantOrder = expected.map((c) => c.name).filter((n) => have.has(n));
    if (order.join(",") !== wantOrder.join(",")) {
      out.push({
        severity: "warning",
        code: "schema_column_order",
        file,
        message: `${file} columns are in a different order than declared: [${order.join(", ")}]`,
      });
    }
  }
  return out;
}

/**
 * A table's columns, or for a CSV file its header names typed as declared (CSV carries no
 * types, so only names and order are checked there).
 */
async function readColumns(
  bundle: BundleReader,
  file: string,
  declared: readonly { name: string; type: string }[],
): Promise<ColumnarTable> {
  if (file.endsWith(".parquet")) return bundle.readTable(file);
  const text = await bundle.readText(file);
  const header = parseCsv(text.slice(0, Math.max(0, text.indexOf("\n")) || text.length))[0] ?? [];
  const types = new Map(declared.map((d) => [d.name, d.type] as const));
  const columns: ColumnSpec[] = header.map((name) => ({
    name,
    type: (types.get(name) ?? "string") as ColumnSpec["type"],
    description: "",
  }));
  // No rows: value-level checks (nulls) only run on Parquet.
  return {
    spec: { name: file, description: "", columns },
    length: 0,
    columns: columns.map(() => []),
  };
}

function nullsInRequired(
  file: string,
  table: ColumnarTable,
  spec: readonly ColumnSpec[],
): Finding[] {
  const out: Finding[] = [];
  for (const c of spec) {
    if (c.nullable) continue;
    const i = table.spec.columns.findIndex((a) => a.name === c.name);
    if (i < 0) continue;
    const nulls = (table.columns[i] as unknown[]).reduce<number>(
      (n, v) => n + (v === null ? 1 : 0),
      0,
    );
    if (nulls > 0) {
      out.push({
        severity: "error",
        code: "schema_null_in_required",
        file,
        column: c.name,
        value: nulls,
        message: `${file} column '${c.name}' is declared non-nullable but has ${nulls} null(s)`,
      });
    }
  }
  return out;
}

/**
 * Schema drift: every relational table has exactly the scheme's declared columns (minus the
 * exposure mode's redactions) with the declared Parquet logical types, and every task file
 * has exactly the feature dictionary's columns (the task's own label required, other tasks'
 * labels absent) with the dictionary's types. Reported column by column.
 */
export function createSchemaProvider(): ValidationProvider {
  return {
    name: "schema",
    async check(bundle: BundleReader, context?: ValidationContext) {
      const out: Finding[] = [];
      const scheme = context?.scheme;
      const mode = bundle.manifest.exposure_mode;
      const rule = scheme?.exposure[mode];
      const files = new Set(bundle.listFiles());
      if (!scheme) {
        out.push({
          severity: "warning",
          code: "scheme_not_registered",
          message: `Scheme '${bundle.manifest.generation_scheme}' is not registered; table schemas, foreign keys and exposure rules cannot be checked (install ${bundle.manifest.scheme_package.name})`,
        });
      } else {
        if (scheme.version !== bundle.manifest.scheme_package.version) {
          out.push({
            severity: "warning",
            code: "scheme_version_differs",
            message: `Bundle was written by ${scheme.packageName}@${bundle.manifest.scheme_package.version}; validating with ${scheme.version}`,
          });
        }
        for (const [name, entry] of Object.entries(bundle.manifest.tables)) {
          const spec = scheme.tables.find((t) => t.name === name);
          if (!spec) {
            out.push({
              severity: "error",
              code: "schema_unknown_table",
              file: entry.file,
              message: `Table '${name}' is not declared by scheme '${scheme.name}'`,
            });
            continue;
          }
          if (!files.has(entry.file)) continue;
          const redacted = new Set(rule?.redactedColumns[name] ?? []);
          const expected = spec.columns.filter((c) => !redacted.has(c.name));
          const table = await readColumns(bundle, entry.file, expected);
          out.push(
            ...compareColumns(
              entry.file,
              table.spec.columns,
              expected.map((c) => ({
                name: c.name,
                type: c.type,
                // CSV has no nullability to compare.
                nullable: entry.file.endsWith(".parquet") ? (c.nullable ?? false) : undefined,
              })),
            ),
          );
          out.push(...nullsInRequired(entry.file, table, expected));
        }
      }
      const dictionary = await readDictionary(bundle);
      if (dictionary.length === 0 && Object.keys(bundle.manifest.tasks).length > 0) {
        out.push({
          severity: "error",
          code: "dictionary_missing",
          file: "feature_dictionary.csv",
          message: "feature_dictionary.csv is missing or empty, so task columns cannot be checked",
        });
        return out;
      }
      const tasks = await listBundleTasks(bundle, context);
      const byName = new Map(dictionary.map((d) => [d.name, d] as const));
      const usedAnywhere = new Set<string>();
      for (const task of tasks) {
        // A task's columns: its own label plus dictionary columns. The dictionary is shared by
        // all tasks (a task may use a subset, e.g. a regime without tenure), so every column
        // must be declared with its type, the label must be there, and all three splits must
        // agree column for column.
        let reference: { file: string; names: string } | null = null;
        for (const split of ["train", "valid", "test"] as const) {
          const file = task.files[split];
          if (!files.has(file)) continue;
          const table = await readColumns(bundle, file, dictionary);
          const names = table.spec.columns.map((c) => c.name);
          for (const n of names) usedAnywhere.add(n);
          const expected = names
            .filter((n) => byName.has(n))
            .map((n) => ({ name: n, type: byName.get(n)!.type }));
          if (!byName.has(task.labelColumn)) {
            const own = table.spec.columns.find((c) => c.name === task.labelColumn);
            if (own) expected.push({ name: own.name, type: own.type });
          }
          if (!names.includes(task.labelColumn))
            expected.push({
              name: task.labelColumn,
              type: byName.get(task.labelColumn)?.type ?? "label",
            });
          // Keep declared order for the order check.
          const order = new Map(dictionary.map((d, i) => [d.name, i] as const));
          expected.sort((a, b) => (order.get(a.name) ?? 1e9) - (order.get(b.name) ?? 1e9));
          out.push(...compareColumns(file, table.spec.columns, expected));
          const key = [...names].sort().join(",");
          if (!reference) reference = { file, names: key };
          else if (reference.names !== key) {
            const a = new Set(reference.names.split(","));
            const b = new Set(names);
            const onlyRef = [...a].filter((n) => !b.has(n));
            const onlyThis = [...b].filter((n) => !a.has(n));
            out.push({
              severity: "error",
              code: "schema_split_mismatch",
              file,
              column: [...onlyRef, ...onlyThis].join(","),
              message: `${file} and ${reference.file} have different columns: ${onlyRef.length ? `missing [${onlyRef.join(", ")}]` : ""}${onlyRef.length && onlyThis.length ? ", " : ""}${onlyThis.length ? `extra [${onlyThis.join(", ")}]` : ""}`,
            });
          }
        }
      }
      for (const d of dictionary) {
        if (usedAnywhere.has(d.name) || d.role === "split") continue;
        out.push({
          severity: "error",
          code: "schema_missing_column",
          file: "feature_dictionary.csv",
          column: d.name,
          message: `Column '${d.name}' is declared in feature_dictionary.csv but absent from every task file`,
        });
      }
      return out;
    },
  };
}
