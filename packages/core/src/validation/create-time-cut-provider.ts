import type { ExposureMode } from "../config/enums.js";
import type { ColumnarTable } from "../table/types.js";
import type { BundleReader, Finding, ValidationProvider } from "./types.js";

const MICROS_PER_DAY = 86_400_000_000;

/**
 * A day count or day number: a constant, the name of a numeric manifest (or config) field
 * holding it (e.g. `snapshot_day`), or a function of the manifest (null = unknown).
 */
export type DaysSource =
  | number
  | { readonly manifestField: string }
  | ((manifest: Readonly<Record<string, unknown>>) => number | null);

/** One table's time cut: rows whose `column` falls after the cutoff must not be published. */
export type TimeCut =
  | {
      /** Table holding the event rows. */
      readonly table: string;
      /** Date or timestamp column of the event. */
      readonly column: string;
      /** Fixed cutoff: a day number (days since 1970-01-01 UTC), inclusive. */
      readonly cutoffDay: DaysSource;
    }
  | {
      readonly table: string;
      readonly column: string;
      /**
       * Per-entity cutoff: the row's `via` column looks up `anchorTable.anchorColumn` (a date or
       * timestamp) by `anchorTable`'s key column of the same name; the cutoff is that day plus
       * `offsetDays`, inclusive (lead scoring: `lead_created_at + snapshot_day`).
       */
      readonly via: string;
      readonly anchorTable: string;
      readonly anchorColumn: string;
      readonly offsetDays: DaysSource;
    };

/** Options of {@link createTimeCutProvider}. */
export interface TimeCutProviderOptions {
  /** The cuts to check. */
  readonly cuts: readonly TimeCut[];
  /** Modes the cuts apply to. @default ["student_public"] */
  readonly modes?: readonly ExposureMode[];
}

function dayOf(table: ColumnarTable, name: string): (number | null)[] | null {
  const i = table.spec.columns.findIndex((c) => c.name === name);
  if (i < 0) return null;
  const type = table.spec.columns[i]!.type;
  return (table.columns[i] as (number | null)[]).map((v) =>
    v === null ? null : type === "timestamp" ? Math.floor(v / MICROS_PER_DAY) : v,
  );
}

function resolveDays(bundle: BundleReader, src: DaysSource): number | null {
  if (typeof src === "number") return src;
  if (typeof src === "function") return src(bundle.manifest as Record<string, unknown>);
  const v =
    (bundle.manifest as Record<string, unknown>)[src.manifestField] ??
    bundle.manifest.config[src.manifestField];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/**
 * Row-level time cuts of snapshot-safe bundles: no published row (touch, session, invoice…)
 * dated after its cutoff. Schemes declare their cuts; dates compare by UTC calendar day.
 */
export function createTimeCutProvider(options: TimeCutProviderOptions): ValidationProvider {
  const modes = new Set(options.modes ?? ["student_public"]);
  return {
    name: "time_cut",
    async check(bundle: BundleReader) {
      const out: Finding[] = [];
      if (!modes.has(bundle.manifest.exposure_mode)) return out;
      const files = new Set(bundle.listFiles());
      const load = async (name: string) => {
        const e = bundle.manifest.tables[name];
        return e && e.file.endsWith(".parquet") && files.has(e.file)
          ? bundle.readTable(e.file)
          : null;
      };
      for (const cut of options.cuts) {
        const table = await load(cut.table);
        if (!table) continue;
        const file = bundle.manifest.tables[cut.table]!.file;
        const days = dayOf(table, cut.column);
        if (!days) continue;
        let cutoffOf: (row: number) => number | null;
        let describe: string;
        if ("cutoffDay" in cut) {
          const c = resolveDays(bundle, cut.cutoffDay);
          if (c === null) {
            out.push({
              severity: "warning",
              code: "time_cut_unknown",
              file,
              message: `Cutoff for ${cut.table}.${cut.column} is not in the manifest`,
            });
            continue;
          }
          cutoffOf = () => c;
          describe = `day ${c}`;
        } else {
          const offset = resolveDays(bundle, cut.offsetDays);
          const anchor = await load(cut.anchorTable);
          const via = table.spec.columns.findIndex((c) => c.name === cut.via);
          const anchorDays = anchor ? dayOf(anchor, cut.anchorColumn) : null;
          const anchorKeyIdx = anchor
            ? anchor.spec.columns.findIndex((c) => c.name === cut.via)
            : -1;
          if (offset === null || !anchor || via < 0 || !anchorDays || anchorKeyIdx < 0) {
            out.push({
              severity: "warning",
              code: "time_cut_unknown",
              file,
              message: `Time cut of ${cut.table}.${cut.column} could not be resolved (needs ${cut.anchorTable}.${cut.anchorColumn} and the offset)`,
            });
            continue;
          }
          const anchorByKey = new Map<unknown, number | null>();
          (anchor.columns[anchorKeyIdx] as unknown[]).forEach((k, i) => {
            anchorByKey.set(k, anchorDays[i]!);
          });
          const keys = table.columns[via] as unknown[];
          cutoffOf = (r) => {
            const a = anchorByKey.get(keys[r]);
            return a === undefined || a === null ? null : a + offset;
          };
          describe = `${cut.anchorTable}.${cut.anchorColumn} + ${offset} days`;
        }
        let late = 0;
        let example = -1;
        for (let r = 0; r < table.length; r++) {
          const d = days[r];
          const c = cutoffOf(r);
          if (d === null || d === undefined || c === null) continue;
          if (d > c) {
            late++;
            if (example < 0) example = r;
          }
        }
        if (late > 0) {
          out.push({
            severity: "error",
            code: "post_cutoff_rows",
            file,
            column: cut.column,
            value: late,
            message: `${late} of ${table.length} rows in ${cut.table} have ${cut.column} after the cutoff (${describe}); snapshot-safe bundles must not publish them`,
          });
        }
      }
      return out;
    },
  };
}
