import type { ColumnRole, ColumnType } from "../table/types.js";

/** One row of `feature_dictionary.csv`. */
export interface DictionaryEntry {
  /** Column name. */
  readonly name: string;
  /** Declared type (`dtype`). */
  readonly type: ColumnType | string;
  /** Role (`feature`, `trap`, `label`, `identifier`, …). */
  readonly role: ColumnRole | string;
  /** Unit, e.g. `count`. */
  readonly unit: string;
  /** Category. */
  readonly category: string;
  /** `leakage_risk` flag. */
  readonly leakageRisk: boolean;
  /** `is_target` flag. */
  readonly isTarget: boolean;
}

/** Split CSV text into records (RFC 4180 quoting, `\n` or `\r\n` line ends). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Parse `feature_dictionary.csv` (header row required; unknown columns ignored). */
export function parseFeatureDictionary(text: string): DictionaryEntry[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const at = (name: string) => header.indexOf(name);
  const iName = at("name");
  const iType = at("dtype");
  const iRole = at("role");
  const iUnit = at("unit");
  const iCat = at("category");
  const iLeak = at("leakage_risk");
  const iTarget = at("is_target");
  return rows
    .filter((r) => r.length > 1 || (r[0] ?? "") !== "")
    .map((r) => {
      const isTarget = r[iTarget] === "true";
      return {
        name: r[iName] ?? "",
        type: r[iType] ?? "",
        role: (iRole >= 0 ? r[iRole] : undefined) || (isTarget ? "label" : "feature"),
        unit: iUnit >= 0 ? (r[iUnit] ?? "") : "",
        category: iCat >= 0 ? (r[iCat] ?? "") : "",
        leakageRisk: r[iLeak] === "true",
        isTarget,
      };
    });
}
