import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@leadforge/source"] },
  ssr: { resolve: { conditions: ["@leadforge/source"] } },
  test: { name: "scheme-lifecycle", testTimeout: 120_000, hookTimeout: 120_000 },
});
