import { formatIsoDate, formatTimestamp } from "./dates.js";
import { readSlice } from "./read-rows.js";
import type { ColumnarTable } from "./types.js";

function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * Encode a table as RFC 4180 CSV (header row, `\n` line endings, empty field for null,
 * ISO dates and timestamps, `true`/`false` booleans). Yields chunks so large tables never
 * sit in memory as one string.
 */
export function* encodeCsv(table: ColumnarTable, chunkRows = 10_000): Generator<string> {
  const { spec } = table;
  const fmt = spec.columns.map((c) => {
    switch (c.type) {
      case "string":
        return (v: unknown) => quote(v as string);
      case "date":
        return (v: unknown) => formatIsoDate(v as number);
      case "timestamp":
        return (v: unknown) => formatTimestamp(v as number);
      case "bool":
        return (v: unknown) => (v ? "true" : "false");
      default:
        return (v: unknown) => String(v);
    }
  });
  yield `${spec.columns.map((c) => quote(c.name)).join(",")}\n`;
  for (let start = 0; start < table.length; start += chunkRows) {
    const n = Math.min(chunkRows, table.length - start);
    // One chunk of rows at a time, so a lazy table is never computed whole.
    const columns = readSlice(table, start, n);
    const lines: string[] = [];
    for (let r = 0; r < n; r++) {
      const cells: string[] = [];
      for (let i = 0; i < columns.length; i++) {
        const v = columns[i]![r];
        cells.push(v === null || v === undefined ? "" : fmt[i]!(v));
      }
      lines.push(cells.join(","));
    }
    yield `${lines.join("\n")}\n`;
  }
}
