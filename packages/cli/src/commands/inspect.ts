import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { checkBundleIntegrity } from "../bundle-integrity.js";
import type { CliIo } from "../cli-io.js";
import { loadCoreNode } from "../core-node.js";
import { formatCount, formatMean, formatRate01 } from "../format.js";
import { isTrustedSchemePackage, loadSchemePackage } from "../load-scheme.js";
import { readManifestView } from "../manifest-view.js";
import { checkBundleArg } from "../open-bundle-arg.js";

/** Flags of `leadforge inspect`. */
export interface InspectFlags {
  readonly json?: boolean;
}

interface TaskSummary {
  readonly type: string | null;
  readonly label_column: string | null;
  readonly split_strategy: string | null;
  readonly rows: Record<string, number>;
  readonly label_rate?: Record<string, number | null>;
  readonly label_mean?: Record<string, number | null>;
}

async function readTaskManifest(root: string, id: string): Promise<Record<string, unknown> | null> {
  try {
    return JSON.parse(await readFile(join(root, "tasks", id, "task_manifest.json"), "utf8"));
  } catch {
    return null;
  }
}

async function installedVersion(packageName: string, cwd: string): Promise<string | null> {
  try {
    const r = await loadSchemePackage({ packageName, cwd });
    return r.status === "loaded" ? (r.schemes[0]?.version ?? null) : null;
  } catch {
    return null;
  }
}

function shortList(names: readonly string[]): string {
  return names.length <= 4
    ? names.join(", ")
    : `${names.slice(0, 3).join(", ")}, … (${names.length})`;
}

/** `leadforge inspect BUNDLE`: a scheme-aware summary of a bundle and its file integrity. */
export async function runInspect(
  bundleArg: string,
  flags: InspectFlags,
  io: CliIo,
): Promise<number> {
  const root = await checkBundleArg(bundleArg, io.cwd);
  const m = await readManifestView(root);
  const tasks: Record<string, TaskSummary> = {};
  for (const [id, entry] of Object.entries(m.tasks)) {
    const tm = await readTaskManifest(root, id);
    const rows = Object.fromEntries(
      ["train", "valid", "test"].map((s) => [s, Number(entry[`${s}_rows`] ?? 0)]),
    );
    const rate = tm?.label_rate as Record<string, number | null> | undefined;
    const mean = tm?.label_mean as Record<string, number | null> | undefined;
    tasks[id] = {
      type: (tm?.task_type as string | undefined) ?? null,
      label_column: (tm?.label_column as string | undefined) ?? null,
      split_strategy: (tm?.split_strategy as string | undefined) ?? null,
      rows,
      ...(rate ? { label_rate: rate } : {}),
      ...(mean ? { label_mean: mean } : {}),
    };
  }
  const integrity = await checkBundleIntegrity(root, m.files, { listsEverything: m.filesComplete });
  const installed =
    m.schemePackage && isTrustedSchemePackage(m.schemePackage.name, m.scheme ?? "", io.env)
      ? await installedVersion(m.schemePackage.name, io.cwd)
      : null;
  const hasMetadata = (await (await loadCoreNode()).listBundleFiles(root)).some((f) =>
    f.startsWith("metadata/"),
  );

  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          path: root,
          scheme: {
            name: m.scheme,
            package: m.schemePackage?.name ?? null,
            version: m.schemePackage?.version ?? m.packageVersion,
            installed_version: installed,
          },
          core_version: m.coreVersion,
          recipe_id: m.recipeId,
          seed: m.seed,
          difficulty: m.difficulty,
          exposure_mode: m.exposureMode,
          split_strategy: m.splitStrategy,
          generation_timestamp: m.generationTimestamp,
          motif_family: m.motifFamily,
          scheme_fields: m.schemeFields,
          tables: m.tables,
          tasks,
          metadata: hasMetadata,
          integrity,
          schema_issue: m.schemaIssue,
          manifest: m.raw,
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }

  const labelWidth = Math.max(15, ...Object.keys(m.schemeFields).map((k) => k.length + 2));
  const row = (label: string, value: string) => `  ${`${label}:`.padEnd(labelWidth)}${value}`;
  const q = (v: string | number | null) => (v === null ? "?" : String(v));
  const lines = [`Bundle: ${bundleArg}`];
  if (m.schemaIssue) {
    lines.push(
      row("Manifest", `not this leadforge's schema (${m.schemaIssue}); showing what it records`),
    );
  }
  if (m.schemePackage) {
    const sameVersion =
      installed === null
        ? "not installed here"
        : installed === m.schemePackage.version
          ? "same version installed"
          : `installed: ${installed}, regeneration needs ${m.schemePackage.version}`;
    lines.push(
      row(
        "Scheme",
        `${q(m.scheme)} (${m.schemePackage.name} ${m.schemePackage.version}; ${sameVersion})`,
      ),
    );
  } else {
    lines.push(row("Scheme", `${q(m.scheme)} (package ${q(m.packageVersion)})`));
  }
  lines.push(
    row("Core", q(m.coreVersion)),
    row("Recipe", q(m.recipeId)),
    row("Seed", q(m.seed)),
    row("Difficulty", q(m.difficulty)),
    row("Mode", q(m.exposureMode)),
    row("Split", q(m.splitStrategy)),
    row("Generated at", m.generationTimestamp ?? "(not recorded)"),
    row("Motif family", m.motifFamily ?? "-"),
  );
  for (const [k, v] of Object.entries(m.schemeFields)) {
    if (v === null || ["string", "number", "boolean"].includes(typeof v)) {
      lines.push(row(k, String(v)));
    }
  }
  const redacted = m.redactedColumns;
  if (redacted.length > 0) {
    lines.push(
      row(
        "Redactions",
        `${redacted.length} column${redacted.length === 1 ? "" : "s"} [${shortList(redacted)}]`,
      ),
    );
  }
  if (m.omittedTables.length > 0) lines.push(row("Omitted", shortList(m.omittedTables)));
  lines.push("", "Tables:");
  const nameWidth = Math.max(25, ...Object.keys(m.tables).map((n) => n.length + 2));
  for (const [name, rows] of Object.entries(m.tables)) {
    lines.push(
      `  ${name.padEnd(nameWidth)}${(rows === null ? "?" : formatCount(rows)).padStart(10)} rows`,
    );
  }
  if (Object.keys(tasks).length > 0) {
    lines.push("", "Tasks:");
    for (const [id, t] of Object.entries(tasks)) {
      lines.push(`  ${id}${t.type ? ` (${t.type}, label ${t.label_column})` : ""}`);
      const r = t.rows;
      lines.push(`    train=${r.train}  valid=${r.valid}  test=${r.test}`);
      const labels = t.label_rate ?? t.label_mean;
      const f = t.label_rate ? formatRate01 : formatMean;
      if (labels) {
        lines.push(
          `    ${t.label_rate ? "label rate" : "label mean"}: train=${f(labels.train)}  valid=${f(labels.valid)}  test=${f(labels.test)}`,
        );
      }
    }
  }
  const bad = integrity.modified.length + integrity.missing.length + integrity.extra.length;
  lines.push(
    "",
    row(
      "Files",
      bad === 0
        ? `${integrity.listed} ${m.filesComplete ? "listed" : "hashed (tables and splits only)"}, all intact (sha256)`
        : `${integrity.intact}/${integrity.listed} intact` +
            (integrity.modified.length ? `; modified: ${shortList(integrity.modified)}` : "") +
            (integrity.missing.length ? `; missing: ${shortList(integrity.missing)}` : "") +
            (integrity.extra.length ? `; extra: ${shortList(integrity.extra)}` : "") +
            " — run 'leadforge validate' for details",
    ),
    row("Metadata dir", hasMetadata ? "present" : "absent"),
  );
  io.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}
