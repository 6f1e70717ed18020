/** Physical/logical type of a column. Dates are UTC calendar days; timestamps are UTC µs. */
export type ColumnType = "int32" | "int64" | "float64" | "bool" | "string" | "date" | "timestamp";

/** What a column is for, as shown in the feature dictionary. */
export type ColumnRole =
  | "identifier"
  | "feature"
  | "label"
  | "trap"
  | "timestamp"
  | "attribute"
  | "split";

/** A declared column: type, nullability and the documentation users see. */
export interface ColumnSpec {
  /** Column name (snake_case). */
  readonly name: string;
  /** Value type. */
  readonly type: ColumnType;
  /** Whether nulls are allowed. @default false */
  readonly nullable?: boolean;
  /** One-sentence description for the feature dictionary. */
  readonly description: string;
  /** Unit, e.g. `"days"`, `"USD"`, `"count"`. */
  readonly unit?: string;
  /** Role in a task or table. @default "attribute" */
  readonly role?: ColumnRole;
  /** Observation window, e.g. `"lead_created_at .. +snapshot_day"`. */
  readonly window?: string;
  /** Grouping for the dictionary (`account`, `engagement`, …). */
  readonly category?: string;
  /** Closed vocabulary for string columns (validated when present). */
  readonly categories?: readonly string[];
  /** Inclusive bounds; distortions clamp to them and validation checks them. */
  readonly bounds?: { readonly min?: number; readonly max?: number };
  /** Foreign key: this column's values must exist in `table.column`. */
  readonly references?: { readonly table: string; readonly column: string };
  /** Known to leak the label (documented, e.g. the trap column). */
  readonly leakageRisk?: boolean;
}

/** A declared table: its name, documentation, key and columns in output order. */
export interface TableSpec {
  /** Table name (file stem). */
  readonly name: string;
  /** One-sentence description. */
  readonly description: string;
  /** Primary-key column, if any (checked for uniqueness). */
  readonly primaryKey?: string;
  /** Columns in output order. */
  readonly columns: readonly ColumnSpec[];
}

/** In-memory values of one column. Dates are day numbers, timestamps µs since the epoch. */
export type ColumnValues = (number | null)[] | (string | null)[] | (boolean | null)[];

/** A table held column-wise in memory, in the order of its spec. */
export interface ColumnarTable {
  /** The declared schema. */
  readonly spec: TableSpec;
  /** Number of rows. */
  readonly length: number;
  /** One value array per column in `spec.columns`, each of `length` entries. */
  readonly columns: readonly ColumnValues[];
}

/** A plain row object: column name → value (null for missing). */
export type Row = Record<string, number | string | boolean | null | undefined>;
