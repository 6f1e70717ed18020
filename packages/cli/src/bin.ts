#!/usr/bin/env node
// The `leadforge` executable: wire the real process to runCli.
import { runCli } from "./run-cli.js";

const controller = new AbortController();
let interrupts = 0;
const onSigint = () => {
  interrupts++;
  // First Ctrl-C: abort cleanly (the bundle writer removes its temporary folder).
  // Second: give up waiting.
  if (interrupts > 1) process.exit(130);
  controller.abort();
};
process.on("SIGINT", onSigint);

// `leadforge … | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  signal: controller.signal,
  hooks: {
    // While the in-memory generation step runs synchronously no JS handler can fire, and
    // nothing is on disk yet: let Ctrl-C terminate the process right away (exit 130).
    hardInterrupt: (allowed) => {
      if (allowed) process.off("SIGINT", onSigint);
      else process.on("SIGINT", onSigint);
    },
  },
});
process.off("SIGINT", onSigint);
