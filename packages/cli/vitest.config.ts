import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@leadforge/source"] },
  ssr: { resolve: { conditions: ["@leadforge/source"] } },
  test: {
    name: "cli",
    testTimeout: 120_000,
    hookTimeout: 300_000,
    globalSetup: ["test/global-setup.ts"],
  },
});
