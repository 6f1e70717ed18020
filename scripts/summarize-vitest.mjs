// Prints "N passed, N failed" from a vitest log so CI can count tests.
import { readFileSync } from "node:fs";

// biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes (ESC [ … m).
const log = readFileSync(process.argv[2], "utf8").replace(/\x1b\[[0-9;]*m/g, "");
const line =
  log
    .split("\n")
    .filter((l) => /^\s*Tests\s+/.test(l))
    .pop() ?? "";
const passed = Number(/(\d+) passed/.exec(line)?.[1] ?? 0);
const failed = Number(/(\d+) failed/.exec(line)?.[1] ?? 0);
const skipped = Number(/(\d+) skipped/.exec(line)?.[1] ?? 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
