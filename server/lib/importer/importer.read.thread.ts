import fs from "node:fs";
import type { Worker } from "node:worker_threads";
import type { ErrorCode } from "../../../common/errors.js";
import { AppError, type LocalText } from "../errors.js";
import { readRows, type SheetKind, type SheetRow } from "./importer.read.js";
import { startTsWorker } from "./importer.worker.js";

/*
 * A dry run's rows read in a worker thread (importer.read.worker.ts), so that reading the file
 * (inflating, cutting the XML or the CSV into cells) overlaps the checks and the staging on the
 * main thread. On PGlite the database runs in the main thread too: there reading and the
 * database's work took turns on one core. The dry run uses it on PGlite only (importer.service.ts):
 * with PostgreSQL, handing the rows over cost more than reading them on the main thread.
 *
 * The rows arrive as readRows gives them, in order, with the same cells (dates, formula and error
 * cells survive the structured clone) and the same read progress. One worker serves every dry
 * run; it takes a moment to start under tsx (0.3–1.5 s measured, more than reading a 10 MB file
 * takes), so it is started when a large file is uploaded, stays for the next import, and small
 * files are read here. If it cannot start, or fails before any of a file's rows arrived, the
 * file is read here instead; once rows have arrived its failure is the read's failure, as it
 * would have been inline.
 */

/** About 10,000 rows of xlsx or CSV. */
export const OFF_THREAD_FROM_BYTES = 1 << 20;
/** Rows per message, and messages the worker may post ahead of the dry run. */
const BATCH_ROWS = 1000;
const AHEAD = 4;

export type ReadRequest =
  | { open: number; path: string; kind: SheetKind; batch: number; ahead: number }
  | { take: number }
  | { close: number };

export type ReadReply =
  | { ready: true }
  | { id: number; rows: SheetRow[]; bytes: number; done?: true }
  | { id: number; error: { code: ErrorCode; text: LocalText | undefined } | { message: string } };

type Event = Exclude<ReadReply, { ready: true }> | { id: number; failed: true };

let worker: Worker | null = null;
let readiness: Promise<Worker | null> | null = null;
let broken = false;
let nextId = 0;
const listeners = new Map<number, (e: Event) => void>();

/** Starts the read worker (an upload of a large file does, ahead of its dry run); resolves once it is ready, null if it cannot be. */
export function startReadWorker(): Promise<Worker | null> {
  if (broken) return Promise.resolve(null);
  if (readiness) return readiness;
  readiness = new Promise<Worker | null>((resolve) => {
    let w: Worker;
    try {
      w = startTsWorker(new URL("./importer.read.worker.ts", import.meta.url));
    } catch {
      broken = true;
      resolve(null);
      return;
    }
    w.on("message", (m: ReadReply) => {
      if ("ready" in m) {
        worker = w;
        // An idle worker must not keep a process alive that has nothing else to do.
        if (listeners.size === 0) w.unref();
        resolve(w);
        return;
      }
      listeners.get(m.id)?.(m);
    });
    const fail = () => {
      broken = true;
      worker = null;
      resolve(null);
      for (const [id, l] of listeners) l({ id, failed: true });
    };
    w.on("error", fail);
    w.on("exit", fail);
  });
  return readiness;
}

/** A worker that has not started by then (a loaded machine, a broken install) leaves this file to be read here. */
const READY_WITHIN_MS = 10_000;
function readyWithin(ms: number): Promise<Worker | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([startReadWorker(), late]).finally(() => clearTimeout(timer));
}

/** The rows of the file's first sheet, streamed: read in the worker thread for files of 1 MB and more. */
export async function* readRowsOffThread(
  path: string,
  kind: SheetKind,
  onBytes: (n: number) => void = () => {},
  opts: { fromBytes?: number } = {},
): AsyncGenerator<SheetRow> {
  const size = (await fs.promises.stat(path)).size;
  const w = size >= (opts.fromBytes ?? OFF_THREAD_FROM_BYTES) ? await readyWithin(READY_WITHIN_MS) : null;
  if (!w) {
    yield* readRows(path, kind, onBytes);
    return;
  }
  const id = nextId++;
  const events: Event[] = [];
  let wake: (() => void) | null = null;
  listeners.set(id, (e) => {
    events.push(e);
    wake?.();
    wake = null;
  });
  // Referenced while it reads for someone, so a process waiting only for its rows does not exit.
  if (listeners.size === 1) w.ref();
  let received = false;
  let finished = false;
  try {
    w.postMessage({ open: id, path, kind, batch: BATCH_ROWS, ahead: AHEAD } satisfies ReadRequest);
    for (;;) {
      while (events.length === 0) await new Promise<void>((r) => (wake = r));
      const e = events.shift()!;
      if ("failed" in e) {
        finished = true;
        if (received) throw new Error("the worker reading the file stopped");
        yield* readRows(path, kind, onBytes);
        return;
      }
      if ("error" in e) {
        finished = true;
        throw "code" in e.error ? new AppError(e.error.code, e.error.text) : new Error(e.error.message);
      }
      received = true;
      if (e.done) finished = true;
      // Taken: the worker may read one batch further.
      else w.postMessage({ take: id } satisfies ReadRequest);
      onBytes(e.bytes);
      yield* e.rows;
      if (e.done) return;
    }
  } finally {
    // A dry run that stopped early (a failed chunk) stops the worker's read of its file.
    if (!finished && worker) w.postMessage({ close: id } satisfies ReadRequest);
    listeners.delete(id);
    if (listeners.size === 0) w.unref();
  }
}
