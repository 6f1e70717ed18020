import { createHash } from "node:crypto";
import { mkdir, open } from "node:fs/promises";
import { dirname } from "node:path";
import { CancelledError } from "../errors/errors.js";
import { encodeCsv } from "../table/encode-csv.js";
import type { ColumnarTable } from "../table/types.js";

/**
 * Write a table as CSV (see `encodeCsv`), chunk by chunk, hashing the bytes on their way to
 * disk: a large (or lazy) table is never held as one string — a 10-million-row table would
 * not even fit in one JavaScript string. Returns the file's SHA-256 and size.
 */
export async function writeCsvFile(
  path: string,
  table: ColumnarTable,
  options: { readonly signal?: AbortSignal } = {},
): Promise<{ sha256: string; bytes: number }> {
  await mkdir(dirname(path), { recursive: true });
  const file = await open(path, "w");
  const hash = createHash("sha256");
  let bytes = 0;
  try {
    for (const chunk of encodeCsv(table)) {
      if (options.signal?.aborted) throw new CancelledError();
      const data = Buffer.from(chunk, "utf8");
      hash.update(data);
      bytes += data.byteLength;
      await file.write(data);
    }
  } finally {
    await file.close();
  }
  return { sha256: hash.digest("hex"), bytes };
}
