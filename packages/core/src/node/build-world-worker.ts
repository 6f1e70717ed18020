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
  parentPort!.postMessage({ type: "world", world });
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
