import { TableSchemaError } from "../errors/errors.js";
import type { TableSpec } from "./types.js";

/**
 * Declare a table schema. Pure: it checks the declaration (unique column names, primary
 * key present) and freezes it.
 */
export function defineTable<const T extends TableSpec>(spec: T): T {
  const seen = new Set<string>();
  for (const c of spec.columns) {
    if (seen.has(c.name))
      throw new TableSchemaError(`table '${spec.name}' declares column '${c.name}' twice`);
    seen.add(c.name);
  }
  if (spec.primaryKey !== undefined && !seen.has(spec.primaryKey)) {
    throw new TableSchemaError(
      `table '${spec.name}' primary key '${spec.primaryKey}' is not a column`,
    );
  }
  return Object.freeze(spec);
}
