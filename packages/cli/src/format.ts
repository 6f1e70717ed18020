// Locale-independent formatting for human output (no Intl: the same bytes on every machine).

/** `1234567` → `1,234,567`. */
export function formatCount(n: number): string {
  const s = String(Math.round(Math.abs(n)));
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return n < 0 ? `-${grouped}` : grouped;
}

/** Bytes in B / kB / MB / GB (powers of 1000, one decimal above bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let v = bytes / 1000;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}

/** Milliseconds as `850 ms`, `4.2 s` or `3m 05s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  const rest = Math.round(s - m * 60);
  return `${m}m ${String(rest).padStart(2, "0")}s`;
}

/** A rate as a compact count per second. */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return "-";
  if (perSecond >= 10_000) return `${formatCount(perSecond / 1000)}k`;
  return formatCount(perSecond);
}

/** A fraction with three decimals, or `-` when unknown. */
export function formatRate01(v: number | null | undefined): string {
  return typeof v === "number" && Number.isFinite(v) ? v.toFixed(3) : "-";
}

/** A path as the user should type it: relative to `cwd` with a leading `./` when inside it. */
export function displayPath(abs: string, cwd: string): string {
  const base = cwd.endsWith("/") ? cwd : `${cwd}/`;
  if (abs === cwd) return ".";
  if (abs.startsWith(base)) return `./${abs.slice(base.length)}`;
  return abs;
}

/** A label mean: grouped whole numbers from 1,000 up, else three decimals; `-` when unknown. */
export function formatMean(v: number | null | undefined): string {
  if (typeof v !== "number" || !Number.isFinite(v)) return "-";
  return Math.abs(v) >= 1000 ? formatCount(v) : v.toFixed(3);
}
