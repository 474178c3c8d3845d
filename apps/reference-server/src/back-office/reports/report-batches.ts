/**
 * Rows an export reads and writes at a time: core reads the storage in batches this size and
 * each writer turns one batch into file bytes before it asks for the next, so memory holds
 * one batch whatever the report's length.
 */
export const exportBatchSize = 3000;

/** The rows of `rows` in arrays of `size` (the last may be shorter), read as they are asked for. */
export async function* inBatches<Row>(rows: AsyncIterable<Row>, size: number): AsyncGenerator<Row[]> {
  let batch: Row[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
