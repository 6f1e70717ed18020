import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { CORE_MANIFEST_KEYS } from "@leadforge/core";
import { openBundle } from "@leadforge/core/node";
import { checkBundleIntegrity } from "../bundle-integrity.js";
import type { CliIo } from "../cli-io.js";
import { formatCount, formatMean, formatRate01 } from "../format.js";
import { loadSchemePackage } from "../load-scheme.js";
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
  const bundle = await openBundle(root);
  const m = bundle.manifest;
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
  const integrity = await checkBundleIntegrity(root, m.files);
  const schemeFields = Object.fromEntries(
    Object.entries(m).filter(([k]) => !CORE_MANIFEST_KEYS.includes(k)),
  );
  const installed = await installedVersion(m.scheme_package.name, io.cwd);
  const hasMetadata = bundle.listFiles().some((f) => f.startsWith("metadata/"));
  const tables = Object.fromEntries(Object.entries(m.tables).map(([n, t]) => [n, t.row_count]));

  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          path: root,
          scheme: {
            name: m.generation_scheme,
            package: m.scheme_package.name,
            version: m.scheme_package.version,
            installed_version: installed,
          },
          core_version: m.core_version,
          recipe_id: m.recipe_id,
          seed: m.seed,
          difficulty: m.difficulty,
          exposure_mode: m.exposure_mode,
          split_strategy: m.split_strategy,
          generation_timestamp: m.generation_timestamp,
          motif_family: m.motif_family,
          scheme_fields: schemeFields,
          tables,
          tasks,
          metadata: hasMetadata,
          integrity,
          manifest: m,
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }

  const labelWidth = Math.max(15, ...Object.keys(schemeFields).map((k) => k.length + 2));
  const row = (label: string, value: string) => `  ${`${label}:`.padEnd(labelWidth)}${value}`;
  const sameVersion =
    installed === null
      ? "not installed here"
      : installed === m.scheme_package.version
        ? "same version installed"
        : `installed: ${installed}, regeneration needs ${m.scheme_package.version}`;
  const lines = [
    `Bundle: ${bundleArg}`,
    row(
      "Scheme",
      `${m.generation_scheme} (${m.scheme_package.name} ${m.scheme_package.version}; ${sameVersion})`,
    ),
    row("Core", m.core_version),
    row("Recipe", m.recipe_id),
    row("Seed", String(m.seed)),
    row("Difficulty", m.difficulty),
    row("Mode", m.exposure_mode),
    row("Split", m.split_strategy),
    row("Generated at", m.generation_timestamp ?? "(not recorded)"),
    row("Motif family", m.motif_family ?? "-"),
  ];
  for (const [k, v] of Object.entries(schemeFields)) {
    if (v === null || ["string", "number", "boolean"].includes(typeof v)) {
      lines.push(row(k, String(v)));
    }
  }
  const redacted = m.redacted_columns;
  const omitted = m.structural_redactions.omitted_tables;
  if (redacted.length > 0) {
    lines.push(
      row(
        "Redactions",
        `${redacted.length} column${redacted.length === 1 ? "" : "s"} [${shortList(redacted)}]`,
      ),
    );
  }
  if (omitted.length > 0) lines.push(row("Omitted", shortList(omitted)));
  lines.push("", "Tables:");
  const nameWidth = Math.max(25, ...Object.keys(tables).map((n) => n.length + 2));
  for (const [name, rows] of Object.entries(tables)) {
    lines.push(`  ${name.padEnd(nameWidth)}${formatCount(rows).padStart(10)} rows`);
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
        ? `${integrity.listed} listed, all intact (sha256)`
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
