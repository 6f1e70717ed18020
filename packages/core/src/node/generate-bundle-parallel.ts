import { existsSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import {
  type GenerateBundleOptions,
  type InMemoryBundle,
  prepareRun,
  renderBundle,
} from "../bundle/generate-bundle.js";
import { CancelledError } from "../errors/errors.js";
import { isLeadforgeError, LeadforgeError } from "../errors/leadforge-error.js";

/** Options for {@link generateBundleParallel}. */
export interface GenerateBundleParallelOptions extends GenerateBundleOptions {
  /** Worker threads for world building. @default the number of CPU cores */
  readonly workers?: number;
  /**
   * Module specifier or URL the workers import to get the scheme (e.g. the result of
   * `import.meta.resolve("@leadforge/scheme-lead-scoring")`). Required for `workers > 1`.
   */
  readonly schemeModule?: string;
}

interface WorkerReply {
  readonly type: "progress" | "world" | "error";
  readonly done?: number;
  readonly total?: number;
  readonly stage?: string;
  readonly unit?: string;
  readonly world?: unknown;
  readonly error?: { message: string; code?: string; usage?: boolean; stack?: string };
}

const WORKER_FLAGS = [
  "--conditions",
  "-C",
  "--import",
  "--loader",
  "--experimental-loader",
  "--require",
  "-r",
];

/**
 * The parent's Node flags a worker may inherit: module-resolution and loader flags only.
 * Workers refuse V8 and process-wide flags (`--max-old-space-size`, `--input-type`, …) with
 * ERR_WORKER_INVALID_EXEC_ARGV, so those are dropped.
 */
export function workerExecArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const flag = WORKER_FLAGS.find((f) => a === f || a.startsWith(`${f}=`));
    if (flag === undefined) continue;
    out.push(a);
    if (a === flag && i + 1 < argv.length) out.push(argv[++i]!);
  }
  return out;
}

/** Split `[0, n)` into `k` contiguous, balanced ranges. */
export function partitionRanges(n: number, k: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < k; i++) {
    const start = Math.floor((i * n) / k);
    const end = Math.floor(((i + 1) * n) / k);
    if (end > start) out.push({ start, end });
  }
  return out;
}

/**
 * Generate a bundle with world building spread over worker threads, each simulating a
 * contiguous range of independence units (accounts, customers) with keyed streams; the
 * parts are merged in range order and rendered once. The result is identical to
 * `generateBundle` for any worker count. Falls back to a single thread when the
 * scheme does not declare `partition`, or `workers <= 1`.
 */
export async function generateBundleParallel(
  opts: GenerateBundleParallelOptions,
): Promise<InMemoryBundle> {
  const run = prepareRun(opts);
  const { scheme, config, ctx } = run;
  const workers = Math.max(1, Math.floor(opts.workers ?? cpus().length));
  const units = scheme.partition?.unitCount(config) ?? 0;
  const workerUrl = new URL("./build-world-worker.js", import.meta.url);
  // From source (tests, tsx) there is no built worker file: build in this thread instead.
  const workerBuilt = existsSync(fileURLToPath(workerUrl));
  if (!scheme.partition || workers <= 1 || units < 2 || !opts.schemeModule || !workerBuilt) {
    if (ctx.signal?.aborted) throw new CancelledError();
    return renderBundle(run, scheme.buildWorld(ctx));
  }
  const ranges = partitionRanges(units, Math.min(workers, units));
  const done = new Array<number>(ranges.length).fill(0);
  const flat = { ...config.common, ...config.params };
  const live: Worker[] = [];
  const abort = () => {
    for (const w of live) void w.terminate();
  };
  ctx.signal?.addEventListener("abort", abort, { once: true });
  try {
    let parts: unknown[] | undefined = await Promise.all(
      ranges.map(
        (range, i) =>
          new Promise<unknown>((resolve, reject) => {
            const worker = new Worker(workerUrl, {
              execArgv: workerExecArgv(process.execArgv),
              workerData: {
                schemeModule: opts.schemeModule,
                recipe: run.recipe,
                options: flat,
                range,
              },
            });
            live.push(worker);
            worker.on("message", (msg: WorkerReply) => {
              if (msg.type === "progress") {
                done[i] = msg.done ?? 0;
                ctx.progress({
                  stage: msg.stage ?? "simulate",
                  done: done.reduce((a, b) => a + b, 0),
                  total: units,
                  unit: msg.unit ?? "units",
                });
              } else if (msg.type === "world") resolve(msg.world);
              else if (msg.type === "error") {
                const e = msg.error!;
                reject(
                  new LeadforgeError(e.code ?? "WORKER_FAILED", e.message, {
                    usage: e.usage ?? false,
                  }),
                );
              }
            });
            worker.on("error", reject);
            worker.on("exit", (code) => {
              if (ctx.signal?.aborted) reject(new CancelledError());
              else if (code !== 0)
                reject(
                  new LeadforgeError(
                    "WORKER_FAILED",
                    `world-building worker exited with code ${code}`,
                  ),
                );
            });
          }),
      ),
    );
    if (ctx.signal?.aborted) throw new CancelledError();
    const world = scheme.partition.mergeWorlds(parts);
    // Drop the parts before rendering: whatever the merged world does not reuse is freed.
    parts = undefined;
    return renderBundle(run, world);
  } catch (error) {
    abort();
    if (ctx.signal?.aborted) throw new CancelledError();
    throw isLeadforgeError(error)
      ? error
      : new LeadforgeError("WORKER_FAILED", String(error), { cause: error });
  } finally {
    ctx.signal?.removeEventListener("abort", abort);
  }
}
