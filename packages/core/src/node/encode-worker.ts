// Worker-thread entry for the encode pool (create-encode-pool.ts). Receives one file at a
// time as a stream of Arrow record batches (raw buffers, transferred), encodes it to Parquet
// with the same writer settings as encodeParquet, hashes and writes it, and replies with the
// SHA-256 and size. Only one record batch of a file is held here at a time.
import { createHash } from "node:crypto";
import { mkdir, open } from "node:fs/promises";
import { dirname } from "node:path";
import { parentPort } from "node:worker_threads";
import { Table, tableToIPC } from "apache-arrow";
import { transformParquetStream, Table as WasmTable } from "parquet-wasm";
import type { TableSpec } from "../table/types.js";
import { fromTransferableBatch, type TransferableBatch } from "./arrow-batch-transfer.js";
import { parquetWriterProperties } from "./encode-parquet.js";
import { toArrowSchema } from "./to-arrow-table.js";

/** Parent → worker messages, in order per file: begin, batch…, end. */
export type EncodeRequest =
  | {
      readonly type: "begin";
      readonly id: number;
      readonly path: string;
      readonly spec: TableSpec;
      readonly rowGroupRows: number;
    }
  | { readonly type: "batch"; readonly id: number; readonly batch: TransferableBatch }
  | { readonly type: "end"; readonly id: number };

/** Worker → parent messages. `ack` frees one batch slot of the sender's window. */
export type EncodeReply =
  | { readonly type: "ack"; readonly id: number }
  | { readonly type: "done"; readonly id: number; readonly sha256: string; readonly bytes: number }
  | { readonly type: "error"; readonly id: number; readonly message: string };

const port = parentPort!;
const inbox: EncodeRequest[] = [];
let waiting: ((m: EncodeRequest) => void) | undefined;
port.on("message", (m: EncodeRequest) => {
  if (waiting) {
    const resolve = waiting;
    waiting = undefined;
    resolve(m);
  } else inbox.push(m);
});
const next = (): Promise<EncodeRequest> =>
  inbox.length > 0
    ? Promise.resolve(inbox.shift()!)
    : new Promise((resolve) => {
        waiting = resolve;
      });

const PAR1 = [0x50, 0x41, 0x52, 0x31];

async function encodeFile(begin: Extract<EncodeRequest, { type: "begin" }>): Promise<void> {
  const schema = toArrowSchema({ spec: begin.spec });
  let rows = 0;
  // Pull-based: the Parquet writer asks for the next batch only when it has written the
  // previous one, so at most one batch is decoded into wasm memory at a time.
  const input = new ReadableStream(
    {
      async pull(controller) {
        const m = await next();
        if (m.type === "end") {
          controller.close();
          return;
        }
        if (m.type !== "batch" || m.id !== begin.id)
          throw new Error(`encode worker: unexpected ${m.type} message for file ${m.id}`);
        rows += m.batch.length;
        const ipc = tableToIPC(
          new Table(schema, [fromTransferableBatch(schema, m.batch)]),
          "stream",
        );
        const wasmTable = WasmTable.fromIPCStream(ipc);
        const wasmBatch = wasmTable.recordBatch(0)!;
        wasmTable.free();
        controller.enqueue(wasmBatch);
        port.postMessage({ type: "ack", id: begin.id } satisfies EncodeReply);
      },
    },
    { highWaterMark: 0 },
  );
  const output: ReadableStream<Uint8Array> = await transformParquetStream(
    input,
    parquetWriterProperties(begin.rowGroupRows),
  );
  await mkdir(dirname(begin.path), { recursive: true });
  const file = await open(begin.path, "w");
  const hash = createHash("sha256");
  let bytes = 0;
  let tail: number[] = [];
  try {
    for await (const chunk of output) {
      hash.update(chunk);
      bytes += chunk.byteLength;
      tail = [...tail, ...chunk.subarray(Math.max(0, chunk.byteLength - 4))].slice(-4);
      await file.write(chunk);
    }
  } finally {
    await file.close();
  }
  // The streaming writer swallows write errors and still closes the file: a valid file ends
  // with the magic bytes after a footer, and cannot be shorter than header + footer.
  if (bytes < 12 || tail.some((b, i) => b !== PAR1[i]))
    throw new Error(`encode worker: incomplete Parquet output for ${begin.path} (${rows} rows)`);
  port.postMessage({
    type: "done",
    id: begin.id,
    sha256: hash.digest("hex"),
    bytes,
  } satisfies EncodeReply);
}

async function main(): Promise<void> {
  for (;;) {
    const m = await next();
    if (m.type !== "begin") continue;
    try {
      await encodeFile(m);
    } catch (error) {
      port.postMessage({
        type: "error",
        id: m.id,
        message: error instanceof Error ? error.message : String(error),
      } satisfies EncodeReply);
      return;
    }
  }
}

void main();
