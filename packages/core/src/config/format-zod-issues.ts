import type { z } from "zod";

function describeValue(v: unknown): string {
  if (v === undefined) return "nothing";
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur = input;
  for (const k of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

/**
 * Turn zod issues into one line each that names the field, the bad value and what is
 * allowed — the form every config, recipe and override error takes.
 */
export function formatZodIssues(error: z.ZodError, input: unknown, prefix = ""): string[] {
  return error.issues.map((issue) => {
    const path = [...(prefix ? [prefix] : []), ...issue.path.map(String)].join(".");
    const where = path || "(root)";
    switch (issue.code) {
      case "unrecognized_keys": {
        const keys = issue.keys.map((k) => `'${k}'`).join(", ");
        return `${where}: unknown key${issue.keys.length > 1 ? "s" : ""} ${keys}`;
      }
      case "invalid_value":
        return `${where}: got ${describeValue(valueAt(input, issue.path))}; allowed: ${issue.values
          .map((v) => JSON.stringify(v))
          .join(", ")}`;
      case "too_small":
        return `${where}: got ${describeValue(valueAt(input, issue.path))}; must be ${issue.inclusive ? "≥" : ">"} ${String(issue.minimum)}`;
      case "too_big":
        return `${where}: got ${describeValue(valueAt(input, issue.path))}; must be ${issue.inclusive ? "≤" : "<"} ${String(issue.maximum)}`;
      case "invalid_type":
        return `${where}: got ${describeValue(valueAt(input, issue.path))}; expected ${issue.expected}`;
      default:
        return `${where}: ${issue.message} (got ${describeValue(valueAt(input, issue.path))})`;
    }
  });
}
