import { InvalidConfigError } from "../errors/errors.js";

const MS_PER_DAY = 86_400_000;

/** Parse `YYYY-MM-DD` (UTC) into a day number since 1970-01-01. Strict. */
export function parseIsoDate(text: string, field = "date"): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || Number.isNaN(ms) || new Date(ms).getUTCDate() !== Number(m[3])) {
    throw new InvalidConfigError(
      `${field} must be an ISO date (YYYY-MM-DD), got ${JSON.stringify(text)}`,
      {
        details: { field, value: text },
      },
    );
  }
  return ms / MS_PER_DAY;
}

/** Format a day number as `YYYY-MM-DD`. */
export function formatIsoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Microseconds since the epoch for a day number plus seconds into that day. */
export function dayToMicros(day: number, secondOfDay = 0): number {
  return (day * 86_400 + secondOfDay) * 1_000_000;
}

/** The day number containing a µs timestamp. */
export function microsToDay(micros: number): number {
  return Math.floor(micros / 86_400_000_000);
}

/** Format a µs timestamp as ISO 8601 UTC with microsecond precision. */
export function formatTimestamp(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const sub = String(micros - ms * 1000).padStart(3, "0");
  return `${new Date(ms).toISOString().slice(0, 23)}${sub}Z`;
}
