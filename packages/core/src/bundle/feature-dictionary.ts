import type { ColumnSpec } from "../table/types.js";

const HEADER = [
  "name",
  "dtype",
  "description",
  "category",
  "is_target",
  "leakage_risk",
  "role",
  "unit",
  "window",
];

function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * Render `feature_dictionary.csv`: the reference's six columns first (so existing readers
 * keep working), then `role`, `unit` and `window`.
 */
export function renderFeatureDictionary(columns: readonly ColumnSpec[]): string {
  const rows = columns.map((c) =>
    [
      c.name,
      c.type,
      c.description,
      c.category ?? "",
      c.role === "label" ? "true" : "false",
      c.leakageRisk || c.role === "trap" ? "true" : "false",
      c.role ?? "attribute",
      c.unit ?? "",
      c.window ?? "",
    ]
      .map(quote)
      .join(","),
  );
  return `${[HEADER.join(","), ...rows].join("\n")}\n`;
}
