// Worker-thread entry for generateBundleParallel: imports the scheme module, resolves the
// same config as the parent and builds the world for one range of independence units.
import { parentPort, workerData } from "node:worker_threads";
import { prepareRun } from "../bundle/generate-bundle.js";
import { isLeadforgeError } from "../errors/leadforge-error.js";
import { isScheme } from "../scheme/define-scheme.js";
import { createRegistry } from "../scheme/registry.js";
import type { GenerationScheme } from "../scheme/types.js";

interface Job {
  readonly schemeModule: string;
  readonly recipe: Parameters<typeof prepareRun>[0]["recipe"];
  readonly options: Record<string, unknown>;
  readonly range: { start: number; end: number };
}

/**
 * Every ArrayBuffer wholly owned by a typed array in `value` (walked recursively). Buffers
 * shared with other views or pooled (e.g. small Node Buffers) are left to be copied.
 */
function ownedBuffers(value: unknown): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== "object" || seen.has(v)) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      const buf = v.buffer;
      if (buf instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === buf.byteLength)
        found.add(buf);
      return;
    }
    if (v instanceof Map) {
      for (const [k, x] of v) {
        visit(k);
        visit(x);
      }
      return;
    }
    if (v instanceof Set) {
      for (const x of v) visit(x);
      return;
    }
    for (const x of Array.isArray(v) ? v : Object.values(v)) visit(x);
  };
  visit(value);
  return [...found];
}

async function main(): Promise<void> {
  const job = workerData as Job;
  const mod = (await import(job.schemeModule)) as Record<string, unknown>;
  const scheme = Object.values(mod).find(isScheme) as GenerationScheme | undefined;
  if (!scheme) throw new Error(`module '${job.schemeModule}' exports no leadforge scheme`);
  const registry = createRegistry();
  registry.register(scheme);
  const run = prepareRun({ recipe: job.recipe, registry, options: job.options });
  let last = 0;
  const world = scheme.buildWorld({
    ...run.ctx,
    unitRange: job.range,
    progress: (e) => {
      // Throttle messages: at most ~100 per worker.
      const step = Math.max(1, Math.floor(e.total / 100));
      if (e.done - last >= step || e.done === e.total) {
        last = e.done;
        parentPort!.postMessage({
          type: "progress",
          stage: e.stage,
          done: e.done,
          total: e.total,
          unit: e.unit,
        });
      }
    },
  });
  // Move, don't copy: the world's typed-array buffers are transferred to the parent (the
  // worker is done with them), which saves a full copy of the partition's world.
  parentPort!.postMessage({ type: "world", world }, ownedBuffers(world));
}

main().catch((error: unknown) => {
  parentPort!.postMessage({
    type: "error",
    error: {
      message: error instanceof Error ? error.message : String(error),
      ...(isLeadforgeError(error) ? { code: error.code, usage: error.isUsageError } : {}),
    },
  });
});
