import type { CliIo } from "../cli-io.js";
import { cliPackage, coreVersion } from "../cli-package.js";
import { loadSchemes } from "../load-scheme.js";
import { textTable } from "../text-table.js";

/** `leadforge --version`: the CLI, core and every installed scheme package with its version. */
export async function runVersion(io: CliIo): Promise<number> {
  const cli = cliPackage();
  const { schemes, missing, broken } = await loadSchemes({ env: io.env, cwd: io.cwd });
  const rows: string[][] = [
    [cli.name, cli.version, ""],
    ["@leadforge/core", coreVersion(), ""],
    ...schemes.map((s) => [s.packageName, s.version, `scheme ${s.name}`]),
    ...missing.map((m) => [m.packageName, "not installed", m.name ? `scheme ${m.name}` : ""]),
    ...broken.map((b) => [b.packageName, "broken", b.error.message]),
  ];
  const table = textTable(["PACKAGE", "VERSION", ""], rows)
    .split("\n")
    .slice(1)
    .map((l) => `  ${l}`)
    .join("\n");
  io.stdout.write(`leadforge ${cli.version}\n${table}\n`);
  return 0;
}
