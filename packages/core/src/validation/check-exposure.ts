import { listBundleTasks, readDictionary } from "./bundle-tasks.js";
import type { BundleReader, Finding, ValidationContext, ValidationProvider } from "./types.js";

/**
 * The exposure contract of the bundle's mode: omitted tables absent, redacted table
 * columns and redacted features absent (tables, task files, dictionary), the manifest's
 * `redacted_columns`, `structural_redactions` and `relational_snapshot_safe` telling the
 * truth, and `metadata/` present exactly when the mode publishes hidden truth.
 */
export function createExposureProvider(): ValidationProvider {
  return {
    name: "exposure",
    async check(bundle: BundleReader, context?: ValidationContext) {
      const out: Finding[] = [];
      const m = bundle.manifest;
      const files = bundle.listFiles();
      const metadataFiles = files.filter((f) => f.startsWith("metadata/"));
      const rule = context?.scheme?.exposure[m.exposure_mode];
      const publishesMetadata = rule ? rule.metadata : m.exposure_mode !== "student_public";
      if (!publishesMetadata && metadataFiles.length > 0) {
        out.push({
          severity: "error",
          code: "metadata_present",
          file: metadataFiles[0]!,
          message: `${m.exposure_mode} bundles must not contain hidden truth, but metadata/ holds ${metadataFiles.length} file(s), e.g. ${metadataFiles[0]}`,
        });
      }
      if (publishesMetadata && metadataFiles.length === 0) {
        out.push({
          severity: "error",
          code: "metadata_missing",
          message: `${m.exposure_mode} bundles must carry metadata/ (hidden truth), but it is absent`,
        });
      }
      if (!rule) return out;
      for (const t of rule.omittedTables) {
        const present =
          m.tables[t] !== undefined || files.some((f) => f.startsWith(`tables/${t}.`));
        if (present) {
          out.push({
            severity: "error",
            code: "omitted_table_present",
            file: `tables/${t}.parquet`,
            message: `Table '${t}' must be omitted from ${m.exposure_mode} bundles but is present`,
          });
        }
      }
      for (const [t, cols] of Object.entries(rule.redactedColumns)) {
        const entry = m.tables[t];
        if (!entry || !entry.file.endsWith(".parquet") || !files.includes(entry.file)) continue;
        const table = await bundle.readTable(entry.file);
        for (const c of cols) {
          if (table.spec.columns.some((a) => a.name === c)) {
            out.push({
              severity: "error",
              code: "redacted_column_present",
              file: entry.file,
              column: c,
              message: `Column '${t}.${c}' is redacted in ${m.exposure_mode} bundles but is present`,
            });
          }
        }
      }
      const redactedFeatures = new Set(rule.redactedFeatures);
      const dictionary = await readDictionary(bundle);
      for (const d of dictionary) {
        if (redactedFeatures.has(d.name)) {
          out.push({
            severity: "error",
            code: "redacted_feature_present",
            file: "feature_dictionary.csv",
            column: d.name,
            message: `Feature '${d.name}' is redacted in ${m.exposure_mode} bundles but is listed in the feature dictionary`,
          });
        }
      }
      for (const task of await listBundleTasks(bundle, context)) {
        for (const file of Object.values(task.files)) {
          if (!file.endsWith(".parquet") || !files.includes(file)) continue;
          const table = await bundle.readTable(file);
          for (const c of table.spec.columns) {
            if (redactedFeatures.has(c.name)) {
              out.push({
                severity: "error",
                code: "redacted_feature_present",
                file,
                column: c.name,
                message: `Feature '${c.name}' is redacted in ${m.exposure_mode} bundles but is present in ${file}`,
              });
            }
          }
        }
      }
      const declared = [...m.redacted_columns].sort().join(",");
      const expected = [...rule.redactedFeatures].sort().join(",");
      if (declared !== expected) {
        out.push({
          severity: "error",
          code: "manifest_redactions_wrong",
          file: "manifest.json",
          message: `manifest.redacted_columns [${declared}] disagrees with the ${m.exposure_mode} contract [${expected}]`,
        });
      }
      const omittedDeclared = [...m.structural_redactions.omitted_tables].sort().join(",");
      const omittedExpected = [...rule.omittedTables].sort().join(",");
      if (omittedDeclared !== omittedExpected) {
        out.push({
          severity: "error",
          code: "manifest_redactions_wrong",
          file: "manifest.json",
          message: `manifest.structural_redactions.omitted_tables [${omittedDeclared}] disagrees with the contract [${omittedExpected}]`,
        });
      }
      if (m.relational_snapshot_safe !== rule.snapshotSafe) {
        out.push({
          severity: "error",
          code: "manifest_snapshot_flag_wrong",
          file: "manifest.json",
          message: `manifest.relational_snapshot_safe is ${m.relational_snapshot_safe} but the ${m.exposure_mode} contract says ${rule.snapshotSafe}`,
        });
      }
      return out;
    },
  };
}
