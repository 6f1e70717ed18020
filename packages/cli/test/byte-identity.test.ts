// Lead-scoring output must not depend on whether lifecycle is installed or registered, and
// the lead-scoring package must not depend on lifecycle at all (so a lifecycle-only change
// cannot move lead-scoring bytes; the scheme's own goldens pin them in CI).
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRegistry, generateBundle } from "@leadforge/core";
import { listBundleFiles, writeBundle } from "@leadforge/core/node";
import { leadScoringScheme } from "@leadforge/scheme-lead-scoring";
import { lifecycleScheme } from "@leadforge/scheme-lifecycle";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers.js";

async function bundleHashes(withLifecycle: boolean): Promise<Record<string, string>> {
  const registry = createRegistry();
  if (withLifecycle) registry.register(lifecycleScheme);
  registry.register(leadScoringScheme);
  const dir = await mkdtemp(join(tmpdir(), "lf-ident-"));
  try {
    const bundle = generateBundle({
      recipe: "b2b_saas_procurement_v1",
      registry,
      options: { seed: 42, exposure_mode: "student_public", n_leads: 300 },
    });
    await writeBundle({ bundle, outDir: join(dir, "b") });
    const out: Record<string, string> = {};
    for (const f of await listBundleFiles(join(dir, "b"))) {
      out[f] = createHash("sha256")
        .update(await readFile(join(dir, "b", f)))
        .digest("hex");
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("lead-scoring byte identity across packages", () => {
  it("is the same bundle whether or not lifecycle is registered, and equals the golden", async () => {
    const alone = await bundleHashes(false);
    expect(await bundleHashes(true)).toEqual(alone);
    const golden = JSON.parse(
      await readFile(
        join(REPO_ROOT, "packages/scheme-lead-scoring/test/golden/seed-42-student_public.json"),
        "utf8",
      ),
    );
    const { "manifest.json": _manifest, ...files } = alone;
    expect(files).toEqual(golden.files);
  });

  it("keeps the lead-scoring package free of any dependency on lifecycle", async () => {
    const pkg = JSON.parse(
      await readFile(join(REPO_ROOT, "packages/scheme-lead-scoring/package.json"), "utf8"),
    );
    const deps = { ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.devDependencies };
    expect(Object.keys(deps)).not.toContain("@leadforge/scheme-lifecycle");
    expect(pkg.peerDependencies).toHaveProperty("@leadforge/core");
    expect(pkg.dependencies?.["@leadforge/core"]).toBeUndefined();
  });
});
