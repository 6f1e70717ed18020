// Worker-thread entry for the encode pool (create-encode-pool.ts). Receives one file at a
// time as a stream of Arrow record batches (raw buffers, transferred), encodes it to Parquet
// with the same writer settings as encodeParquet, hashes and writes it, and replies with the
// SHA-256 and size. Only the batches in the sender's window are held here at a time.
import { parentPort } from "node:worker_threads";
import type { RecordBatch } from "apache-arrow";
import type { TableSpec } from "../table/types.js";
import { fromTransferableBatch, type TransferableBatch } from "./arrow-batch-transfer.js";
import { encodeParquetFile } from "./stream-parquet.js";
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

/** The batches of the file `begin` announced, as they arrive, until its `end`. */
async function* incoming(
  begin: Extract<EncodeRequest, { type: "begin" }>,
  schema: ReturnType<typeof toArrowSchema>,
): AsyncGenerator<RecordBatch> {
  for (;;) {
    const m = await next();
    if (m.type === "end" && m.id === begin.id) return;
    if (m.type !== "batch" || m.id !== begin.id)
      throw new Error(`encode worker: unexpected '${m.type}' message for file ${m.id}`);
    yield fromTransferableBatch(schema, m.batch);
    // The writer asked for this batch, so the previous one is written: free a window slot.
    port.postMessage({ type: "ack", id: begin.id } satisfies EncodeReply);
  }
}

async function encodeFile(begin: Extract<EncodeRequest, { type: "begin" }>): Promise<void> {
  const schema = toArrowSchema({ spec: begin.spec });
  const { sha256, bytes } = await encodeParquetFile({
    path: begin.path,
    schema,
    batches: incoming(begin, schema),
    rowGroupRows: begin.rowGroupRows,
  });
  port.postMessage({ type: "done", id: begin.id, sha256, bytes } satisfies EncodeReply);
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
