import { defineConfig } from "tsup";
import { baseConfig } from "../../tsup.config.base.js";

export default defineConfig({
  ...baseConfig,
  // Shared chunks: the node entry and the worker reuse the main entry's modules instead of
  // bundling private copies.
  splitting: true,
  entry: {
    index: "src/index.ts",
    "node/index": "src/node/index.ts",
    "node/build-world-worker": "src/node/build-world-worker.ts",
    "node/encode-worker": "src/node/encode-worker.ts",
  },
});
