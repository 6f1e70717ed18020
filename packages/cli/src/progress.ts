import type { ProgressEvent } from "@leadforge/core";
import type { CliStream } from "./cli-io.js";
import { formatBytes, formatCount, formatDuration, formatRate } from "./format.js";

/** Receives generation and writing events and draws them, or ignores them when disabled. */
export interface ProgressDisplay {
  /** `onProgress` of `generateBundle`. */
  onProgress(event: ProgressEvent): void;
  /** `onFile` of `writeBundle`. */
  onFile(path: string, bytes: number): void;
  /** Erase the line (before a summary or an error). */
  clear(): void;
}

/** Options for {@link createProgressDisplay}. */
export interface ProgressDisplayOptions {
  /** Where to draw (stderr). */
  readonly stream: CliStream;
  /** Draw at all? (TTY, not `--json`, not `--quiet`.) */
  readonly enabled: boolean;
  /** Clock in milliseconds; progress is about wall time, never about the data. */
  readonly now?: () => number;
  /** Minimum milliseconds between redraws. @default 80 */
  readonly intervalMs?: number;
}

const NOOP: ProgressDisplay = { onProgress() {}, onFile() {}, clear() {} };

/**
 * A one-line progress display: stage name, units done of total, rate and ETA while
 * generating; file count and bytes while writing. Redraws in place with `\r` and is
 * throttled so that a fast stage costs nothing.
 */
export function createProgressDisplay(opts: ProgressDisplayOptions): ProgressDisplay {
  if (!opts.enabled) return NOOP;
  const now = opts.now ?? (() => performance.now());
  const interval = opts.intervalMs ?? 80;
  const width = opts.stream.columns ? Math.max(40, opts.stream.columns - 1) : 100;
  let stage = "";
  let stageStart = 0;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let drawn = false;
  let files = 0;
  let bytes = 0;

  const draw = (line: string, force: boolean) => {
    const t = now();
    if (!force && t - lastDraw < interval) return;
    lastDraw = t;
    drawn = true;
    opts.stream.write(`\r\x1b[2K${line.length > width ? line.slice(0, width) : line}`);
  };

  return {
    onProgress(e) {
      const t = now();
      const fresh = e.stage !== stage;
      if (fresh) {
        stage = e.stage;
        stageStart = t;
      }
      const elapsed = (t - stageStart) / 1000;
      const rate = elapsed > 0 ? e.done / elapsed : Number.NaN;
      const pct = e.total > 0 ? Math.floor((100 * e.done) / e.total) : 0;
      const eta =
        rate > 0 && e.done < e.total
          ? ` · ETA ${formatDuration(((e.total - e.done) / rate) * 1000)}`
          : "";
      const rateText =
        Number.isFinite(rate) && elapsed > 0.2 ? ` · ${formatRate(rate)} ${e.unit}/s` : "";
      draw(
        `${stage.padEnd(10)} ${formatCount(e.done)}/${formatCount(e.total)} ${e.unit} (${pct}%)${rateText}${eta}`,
        fresh || e.done >= e.total,
      );
    },
    onFile(path, size) {
      files++;
      bytes += size;
      const fresh = stage !== "write";
      stage = "write";
      draw(`${"write".padEnd(10)} ${files} files, ${formatBytes(bytes)} · ${path}`, fresh);
    },
    clear() {
      if (drawn) opts.stream.write("\r\x1b[2K");
      drawn = false;
    },
  };
}
