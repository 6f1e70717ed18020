import { describe, expect, it } from "vitest";
import { recipeFileSchema, z } from "../src/index.js";

describe("recipe.schema.json", () => {
  // The committed JSON Schema is generated from the zod schema; regenerate with
  // `npx vitest run -u test/recipe-json-schema.test.ts` after a deliberate change.
  it("matches the zod recipe schema", async () => {
    const schema = {
      $comment: "Generated from recipeFileSchema in @leadforge/core; do not edit by hand.",
      ...z.toJSONSchema(recipeFileSchema, { io: "input" }),
    };
    await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot(
      "../recipe.schema.json",
    );
  });
});
