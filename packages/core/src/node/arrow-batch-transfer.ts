import { type Data, makeData, RecordBatch, type Schema, Struct } from "apache-arrow";

/** One column of a record batch as raw buffers that can be moved to another thread. */
export interface TransferableColumn {
  /** Null count; a validity bitmap is present only when it is positive. */
  readonly nullCount: number;
  /** Validity bitmap (bit set = value present), when there are nulls. */
  readonly nullBitmap?: Uint8Array;
  /** Value buffer: Int32Array, BigInt64Array, Float64Array, or bit-packed / UTF-8 bytes. */
  readonly values: ArrayBufferView;
  /** UTF-8 offsets, for string columns only. */
  readonly valueOffsets?: Int32Array;
}

/** A record batch as plain buffers, posted with its `transfer` list (no copy). */
export interface TransferableBatch {
  /** Row count. */
  readonly length: number;
  /** Columns in schema order. */
  readonly columns: readonly TransferableColumn[];
}

/**
 * Take a record batch apart into buffers that `postMessage` can transfer (move) to a worker.
 * The batch must own its buffers (as batches from `toArrowBatch` do); they are detached
 * from this thread once transferred.
 */
export function toTransferableBatch(batch: RecordBatch): {
  batch: TransferableBatch;
  transfer: ArrayBuffer[];
} {
  const transfer = new Set<ArrayBuffer>();
  const columns = batch.data.children.map((child: Data): TransferableColumn => {
    const values = child.values as ArrayBufferView;
    transfer.add(values.buffer as ArrayBuffer);
    const nullBitmap = child.nullCount > 0 ? child.nullBitmap : undefined;
    if (nullBitmap) transfer.add(nullBitmap.buffer as ArrayBuffer);
    const valueOffsets = child.valueOffsets as Int32Array | undefined;
    if (valueOffsets) transfer.add(valueOffsets.buffer as ArrayBuffer);
    return {
      nullCount: child.nullCount,
      values,
      ...(nullBitmap ? { nullBitmap } : {}),
      ...(valueOffsets ? { valueOffsets } : {}),
    };
  });
  return { batch: { length: batch.numRows, columns }, transfer: [...transfer] };
}

/**
 * Rebuild a record batch from {@link toTransferableBatch} buffers with the same schema.
 * The result serialises to the same Arrow IPC bytes as the original batch.
 */
export function fromTransferableBatch(schema: Schema, batch: TransferableBatch): RecordBatch {
  const children = schema.fields.map((field, i) => {
    const c = batch.columns[i]!;
    return makeData({
      type: field.type,
      length: batch.length,
      nullCount: c.nullCount,
      ...(c.nullBitmap ? { nullBitmap: c.nullBitmap } : {}),
      data: c.values,
      ...(c.valueOffsets ? { valueOffsets: c.valueOffsets } : {}),
    } as never) as Data;
  });
  const data = makeData({
    type: new Struct(schema.fields),
    length: batch.length,
    nullCount: 0,
    children,
  });
  return new RecordBatch(schema, data);
}
