import { listRecipes, schemePackageName } from "@leadforge/core";
import type { CliIo } from "../cli-io.js";
import { peerRange } from "../cli-package.js";
import { installCommand } from "../install-hint.js";
import { loadSchemes } from "../load-scheme.js";
import { BUILTIN_RECIPES } from "../scheme-catalogue.js";
import { textTable } from "../text-table.js";

/** Flags of `leadforge list-recipes`. */
export interface ListRecipesFlags {
  readonly json?: boolean;
  readonly verbose?: boolean;
}

/** One row of `list-recipes --json`. */
export interface RecipeListing {
  readonly id: string;
  readonly title: string;
  readonly scheme: string;
  readonly scheme_package: string;
  /** Installed scheme package version, or null when not installed. */
  readonly scheme_version: string | null;
  readonly installed: boolean;
  /** Present when not installed: the command that installs the scheme. */
  readonly install?: string;
  readonly primary_task?: string | null;
  readonly supported_modes?: readonly string[];
  readonly supported_difficulty?: readonly string[];
  readonly size_param?: string;
  readonly default_population?: Readonly<Record<string, number>>;
  readonly description?: string;
  readonly source?: string;
}

/** `leadforge list-recipes`: installed recipes, plus built-in ones whose scheme is missing. */
export async function runListRecipes(flags: ListRecipesFlags, io: CliIo): Promise<number> {
  const { registry, missing, broken } = await loadSchemes({ env: io.env, cwd: io.cwd });
  const rows: RecipeListing[] = listRecipes(registry).map((r) => {
    const s = registry.get(r.scheme);
    return {
      id: r.id,
      title: r.title,
      scheme: s.name,
      scheme_package: s.packageName,
      scheme_version: s.version,
      installed: true,
      primary_task: r.primary_task ?? s.tasks[0]?.id ?? null,
      supported_modes: r.supported_modes,
      supported_difficulty: r.supported_difficulty,
      size_param: s.sizeParam,
      default_population: r.default_population,
      description: r.description.trim(),
      source: r.source,
    };
  });
  for (const known of BUILTIN_RECIPES) {
    if (registry.has(known.scheme) || rows.some((r) => r.id === known.id)) continue;
    if (broken.some((b) => b.name === known.scheme)) continue;
    const pkg = schemePackageName(known.scheme);
    rows.push({
      id: known.id,
      title: known.title,
      scheme: known.scheme,
      scheme_package: pkg,
      scheme_version: null,
      installed: false,
      install: installCommand(pkg, peerRange(pkg)),
    });
  }
  rows.sort((a, b) => a.id.localeCompare(b.id));
  const missingExtras = missing.filter((m) => m.name === undefined);

  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          recipes: rows,
          missing_packages: missing.map((m) => ({
            package: m.packageName,
            install: installCommand(m.packageName, peerRange(m.packageName)),
          })),
          broken_packages: broken.map((b) => ({ package: b.packageName, error: b.error.message })),
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  for (const b of broken) io.stderr.write(`warning: ${b.error.message}\n`);
  if (rows.length === 0) {
    io.stdout.write("No recipes found: no scheme package is installed.\n");
    return 0;
  }
  const out: string[] = [
    textTable(
      ["ID", "SCHEME", "VERSION", "PRIMARY TASK", "TITLE"],
      rows.map((r) => [
        r.id,
        r.scheme,
        r.scheme_version ?? "-",
        r.installed ? (r.primary_task ?? "-") : "(not installed)",
        r.title,
      ]),
    ),
  ];
  if (flags.verbose) {
    for (const r of rows.filter((x) => x.installed)) {
      out.push(
        "",
        `${r.id} — ${r.title}`,
        `  ${r.description}`,
        `  scheme:       ${r.scheme} (${r.scheme_package} ${r.scheme_version})`,
        `  modes:        ${r.supported_modes?.join(", ")}`,
        `  difficulty:   ${r.supported_difficulty?.join(", ")}`,
        `  population:   ${Object.entries(r.default_population ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join(", ")} (size flag: --${r.size_param?.replaceAll("_", "-")})`,
        `  source:       ${r.source}`,
      );
    }
  }
  const notInstalled = rows.filter((r) => !r.installed);
  if (notInstalled.length > 0 || missingExtras.length > 0) out.push("");
  for (const r of notInstalled) {
    out.push(`${r.id} needs ${r.scheme_package}, which is not installed: ${r.install}`);
  }
  for (const m of missingExtras) {
    out.push(
      `${m.packageName} (from LEADFORGE_SCHEMES) is not installed: ${installCommand(m.packageName)}`,
    );
  }
  io.stdout.write(`${out.join("\n")}\n`);
  return 0;
}
