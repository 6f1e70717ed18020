import { InvalidArgumentError } from "commander";

/** Options for {@link intParser}. */
export interface IntParserOptions {
  /** Smallest allowed value. */
  readonly min: number;
  /** Largest allowed value. */
  readonly max: number;
}

/**
 * A commander argument parser for a whole number within bounds. Commander turns the thrown
 * `InvalidArgumentError` into `error: option '--seed <n>' argument 'abc' is invalid. …`,
 * which the CLI exits 2 on.
 */
export function intParser(opts: IntParserOptions): (value: string) => number {
  return (value) => {
    const trimmed = value.trim();
    if (!/^[+-]?\d+$/.test(trimmed)) {
      throw new InvalidArgumentError(
        `Expected a whole number between ${opts.min} and ${opts.max}.`,
      );
    }
    const n = Number(trimmed);
    if (n < opts.min || n > opts.max) {
      throw new InvalidArgumentError(`Must be between ${opts.min} and ${opts.max}.`);
    }
    return n;
  };
}

/** A commander argument parser for an ISO 8601 timestamp (kept verbatim for the manifest). */
export function isoTimestampParser(value: string): string {
  const ok =
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) &&
    !Number.isNaN(Date.parse(value));
  if (!ok) {
    throw new InvalidArgumentError(
      "Expected an ISO 8601 date or timestamp, e.g. 2026-01-31 or 2026-01-31T12:00:00Z.",
    );
  }
  return value;
}

/** `SOURCE_DATE_EPOCH` (seconds) as an ISO timestamp, or undefined when unset or invalid. */
export function sourceDateEpoch(
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return undefined;
  const date = new Date(Number(raw.trim()) * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().replace(".000Z", "Z");
}
