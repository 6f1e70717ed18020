import { describe, expect, it } from "vitest";
import { workerExecArgv } from "../src/node/generate-bundle-parallel.js";

describe("workerExecArgv", () => {
  it("keeps resolution and loader flags, drops V8 and entry-only flags", () => {
    expect(
      workerExecArgv([
        "--max-old-space-size=8192",
        "--conditions=@leadforge/source",
        "--input-type=module",
        "--import",
        "tsx",
        "--expose-gc",
        "-C",
        "development",
      ]),
    ).toEqual(["--conditions=@leadforge/source", "--import", "tsx", "-C", "development"]);
    expect(workerExecArgv([])).toEqual([]);
  });
});
