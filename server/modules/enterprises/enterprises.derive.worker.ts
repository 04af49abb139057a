import { parentPort } from "node:worker_threads";
import { type FieldFormat, type NameItem, searchFields } from "./enterprises.derive.js";

/** The worker of enterprises.derive.ts: search fields for batches of names, answered by id. */
parentPort?.on("message", (m: { id: number; items: NameItem[]; format: FieldFormat }) => {
  parentPort?.postMessage({ id: m.id, fields: m.items.map((i) => searchFields(i, m.format)) });
});
// The dictionaries load on first use: one warm-up name, then the main thread may send batches.
searchFields(["丽水晶睿电子科技有限公司", []]);
parentPort?.postMessage({ ready: true });
