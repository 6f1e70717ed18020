// Ctrl-C leaves no partial bundle: in-process with an aborted signal, and as a real SIGINT
// to the built binary once its writer has created the temporary folder.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/index.js";
import { makeTmp, startCliBin } from "./helpers.js";

function capture() {
  let text = "";
  return { stream: { write: (s: string) => (text += s) }, text: () => text };
}

describe("interrupts", () => {
  it("an aborted signal stops generate with exit 130 and nothing on disk", async () => {
    const cwd = makeTmp();
    const out = capture();
    const err = capture();
    const controller = new AbortController();
    controller.abort();
    const code = await runCli(
      ["generate", "-r", "b2b_saas_ltv_v1", "--n-customers", "50", "--out", "x"],
      {
        cwd,
        env: {},
        stdout: out.stream,
        stderr: err.stream,
        signal: controller.signal,
      },
    );
    expect(code).toBe(130);
    expect(err.text()).toBe("error: Generation was cancelled; no bundle was written.\n");
    expect(out.text()).toBe("");
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("SIGINT while the bundle is being written exits 130 and removes the temporary folder", async () => {
    const cwd = makeTmp();
    const child = startCliBin(
      ["generate", "-r", "b2b_saas_ltv_v1", "--n-customers", "4000", "--out", "sig", "-q"],
      { cwd },
    );
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code) => resolve(code)),
    );
    const poll = setInterval(() => {
      if (readdirSync(cwd).some((f) => f.startsWith(".sig.tmp-"))) {
        clearInterval(poll);
        child.kill("SIGINT");
      }
    }, 2);
    const code = await exited;
    clearInterval(poll);
    expect(code).toBe(130);
    expect(stderr).toBe("error: Generation was cancelled; no bundle was written.\n");
    expect(existsSync(join(cwd, "sig"))).toBe(false);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
