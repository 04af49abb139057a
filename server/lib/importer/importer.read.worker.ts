import { parentPort } from "node:worker_threads";
import { AppError } from "../errors.js";
import { readRows, type SheetRow } from "./importer.read.js";
import type { ReadReply, ReadRequest } from "./importer.read.thread.js";

/**
 * The worker of importer.read.thread.ts: reads files' rows and posts them in batches, each file
 * (a dry run) by its id, at most `ahead` batches before the main thread has taken the first of
 * them (it says so for every batch it takes), so a slow dry run does not have the whole file
 * waiting in memory. Several files may be read at once; each read ends with `done` or an error.
 */
const port = parentPort!;
const post = (m: ReadReply) => port.postMessage(m);

interface Read {
  credit: number;
  wake: (() => void) | null;
  closed: boolean;
}
const reads = new Map<number, Read>();

async function read(id: number, r: Read, m: Extract<ReadRequest, { open: number }>) {
  let bytes = 0;
  let rows: SheetRow[] = [];
  try {
    for await (const row of readRows(m.path, m.kind, (n) => (bytes = n))) {
      if (r.closed) return;
      rows.push(row);
      if (rows.length < m.batch) continue;
      while (r.credit === 0 && !r.closed) await new Promise<void>((w) => (r.wake = w));
      if (r.closed) return;
      r.credit--;
      post({ id, rows, bytes });
      rows = [];
    }
    post({ id, rows, bytes, done: true });
  } catch (err) {
    post({
      id,
      error:
        err instanceof AppError
          ? { code: err.code, text: err.text }
          : { message: err instanceof Error ? err.message : String(err) },
    });
  } finally {
    reads.delete(id);
  }
}

port.on("message", (m: ReadRequest) => {
  if ("open" in m) {
    const r: Read = { credit: m.ahead, wake: null, closed: false };
    reads.set(m.open, r);
    void read(m.open, r, m);
    return;
  }
  const r = reads.get("take" in m ? m.take : m.close);
  if (!r) return;
  if ("take" in m) r.credit++;
  else r.closed = true;
  r.wake?.();
  r.wake = null;
});
post({ ready: true });
