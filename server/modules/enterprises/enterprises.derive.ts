import type { Worker } from "node:worker_threads";
import { copyFields } from "../../lib/importer/importer.copy.js";
import { startTsWorker } from "../../lib/importer/importer.worker.js";
import { searchColumnsOf } from "./enterprises.search.js";

/** The staging columns searchFields fills, in its order. */
export const SEARCH_FIELD_COLUMNS = [
  "search_text",
  "search_grams",
  "name_pinyin",
  "name_initials",
  "name_key",
] as const;

export type NameItem = readonly [name: string, formerNames: readonly string[]];

/** How set-aside rows are written: COPY csv fields, or JSON members (importer.spill.ts). */
export type FieldFormat = "csv" | "json";

/** A firm's derived search columns: COPY fields in SEARCH_FIELD_COLUMNS order, or JSON members. */
export function searchFields([name, formerNames]: NameItem, format: FieldFormat = "csv"): string {
  const s = searchColumnsOf(name, formerNames);
  if (format === "csv")
    return copyFields([s.searchText, s.searchGrams, s.namePinyin, s.nameInitials, s.nameKey]);
  const j = JSON.stringify;
  return `"search_text":${j(s.searchText)},"search_grams":${j(s.searchGrams)},"name_pinyin":${j(s.namePinyin)},"name_initials":${j(s.nameInitials)},"name_key":${j(s.nameKey)}`;
}

/*
 * An import's search columns are worked out in a worker thread while the main thread reads and
 * checks the next rows: OpenCC folding, pinyin and the grams took some 15 µs a row, a quarter of a
 * dry run that may take only twice as long as reading the file. One worker: the machine this was
 * measured on has two cores, and the database server needs one of them. The worker takes a second
 * or two to load its dictionaries; until it says it is ready, and for small batches (or after it
 * failed), batches are done on the main thread. The output is the same either way.
 */
const INLINE_BELOW = 256;

interface Pending {
  items: NameItem[];
  format: FieldFormat;
  resolve: (fields: string[]) => void;
}

let worker: Worker | null = null;
let ready = false;
let broken = false;
let settle: (ok: boolean) => void = () => {};
let readiness: Promise<boolean> | null = null;
let nextId = 0;
const pending = new Map<number, Pending>();

const inline = (items: readonly NameItem[], format: FieldFormat) => items.map((i) => searchFields(i, format));

/** Starts the worker (a dry run does so as it begins); resolves once it is ready, false if it cannot be. */
export function startDeriveWorker(): Promise<boolean> {
  if (broken) return Promise.resolve(false);
  if (readiness) return readiness;
  readiness = new Promise<boolean>((res) => {
    settle = res;
  });
  try {
    // Started the importer's way, from the TypeScript source under tsx and vitest alike.
    const w = startTsWorker(new URL("./enterprises.derive.worker.ts", import.meta.url));
    w.on("message", (m: { ready: true } | { id: number; fields: string[] }) => {
      if ("ready" in m) {
        ready = true;
        settle(true);
        return;
      }
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (pending.size === 0) w.unref();
      p?.resolve(m.fields);
    });
    const fail = () => {
      broken = true;
      ready = false;
      worker = null;
      settle(false);
      // Whatever was asked of it is done here instead.
      for (const [id, p] of pending) {
        pending.delete(id);
        p.resolve(inline(p.items, p.format));
      }
    };
    w.on("error", fail);
    w.on("exit", fail);
    // Loading must not keep a process alive that has nothing else to do.
    w.unref();
    worker = w;
  } catch {
    broken = true;
    settle(false);
  }
  return readiness;
}

/** Each item's search fields, in order: in the worker for large batches once it is ready, else here. */
export function searchFieldsOf(items: NameItem[], format: FieldFormat = "csv"): Promise<string[]> {
  if (items.length < INLINE_BELOW) return Promise.resolve(inline(items, format));
  void startDeriveWorker();
  const w = worker;
  if (!w || !ready) return Promise.resolve(inline(items, format));
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { items, format, resolve });
    // Referenced while it owes an answer, so a process waiting only for it does not exit.
    w.ref();
    w.postMessage({ id, items, format });
  });
}
