// Minimal Chrome DevTools Protocol client over --remote-debugging-pipe (no dependencies):
// load a page, collect console errors and exceptions, evaluate an expression, screenshot.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";

/** Path of a usable Chromium, or null (tests skip with a message). */
export function findChromium(): string | null {
  for (const bin of ["chromium", "chromium-browser", "google-chrome"]) {
    const r = spawnSync("which", [bin], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

/** What loading a page produced. */
export interface PageVisit {
  /** Console errors, uncaught exceptions and error-level log entries. */
  readonly errors: string[];
  /** Result of the evaluated expression. */
  readonly value: unknown;
  /** Full-page PNG screenshot. */
  readonly screenshot: Buffer;
}

/** Open `url` in headless Chromium, wait for load, evaluate `expression`, take a full-page screenshot. */
export async function visitPage(options: {
  readonly chromium: string;
  readonly url: string;
  readonly expression: string;
  readonly width?: number;
}): Promise<PageVisit> {
  const profile = await mkdtemp(join(tmpdir(), "lf-chromium-"));
  const proc: ChildProcess = spawn(
    options.chromium,
    [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--no-first-run",
      "--hide-scrollbars",
      "--remote-debugging-pipe",
      `--user-data-dir=${profile}`,
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] },
  );
  const toBrowser = proc.stdio[3] as Writable;
  const fromBrowser = proc.stdio[4] as Readable;
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners: ((msg: { method?: string; params?: Record<string, unknown> }) => void)[] = [];
  let buffer = "";
  fromBrowser.setEncoding("utf8");
  fromBrowser.on("data", (chunk: string) => {
    buffer += chunk;
    let idx = buffer.indexOf("\0");
    while (idx >= 0) {
      const msg = JSON.parse(buffer.slice(0, idx));
      buffer = buffer.slice(idx + 1);
      if (msg.id && pending.has(msg.id)) {
        const p = pending.get(msg.id)!;
        pending.delete(msg.id);
        if (msg.error) p.reject(new Error(`${msg.error.message}`));
        else p.resolve(msg.result);
      } else for (const l of listeners) l(msg);
      idx = buffer.indexOf("\0");
    }
  });
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
    // biome-ignore lint/suspicious/noExplicitAny: CDP results are untyped JSON
    new Promise<any>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      toBrowser.write(
        `${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`,
      );
    });
  try {
    const { targetId } = await send("Target.createTarget", { url: "about:blank" });
    const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
    const errors: string[] = [];
    let loaded: () => void = () => {};
    const loadedP = new Promise<void>((r) => {
      loaded = r;
    });
    listeners.push((msg) => {
      const p = msg.params ?? {};
      if (msg.method === "Runtime.consoleAPICalled" && (p.type === "error" || p.type === "assert"))
        errors.push(`console.${p.type}: ${JSON.stringify(p.args)}`);
      if (msg.method === "Runtime.exceptionThrown")
        errors.push(`exception: ${JSON.stringify(p.exceptionDetails)}`);
      if (msg.method === "Log.entryAdded" && (p.entry as { level?: string })?.level === "error")
        errors.push(`log: ${JSON.stringify(p.entry)}`);
      if (msg.method === "Page.loadEventFired") loaded();
    });
    await send("Page.enable", {}, sessionId);
    await send("Runtime.enable", {}, sessionId);
    await send("Log.enable", {}, sessionId);
    const width = options.width ?? 1280;
    await send(
      "Emulation.setDeviceMetricsOverride",
      { width, height: 900, deviceScaleFactor: 1, mobile: false },
      sessionId,
    );
    await send("Page.navigate", { url: options.url }, sessionId);
    await loadedP;
    const evaluated = await send(
      "Runtime.evaluate",
      { expression: options.expression, returnByValue: true },
      sessionId,
    );
    const metrics = await send("Page.getLayoutMetrics", {}, sessionId);
    const height = Math.ceil(metrics.cssContentSize?.height ?? metrics.contentSize.height);
    await send(
      "Emulation.setDeviceMetricsOverride",
      { width, height, deviceScaleFactor: 1, mobile: false },
      sessionId,
    );
    const shot = await send("Page.captureScreenshot", { format: "png" }, sessionId);
    await send("Browser.close").catch(() => undefined);
    return { errors, value: evaluated.result?.value, screenshot: Buffer.from(shot.data, "base64") };
  } finally {
    proc.kill();
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  }
}
