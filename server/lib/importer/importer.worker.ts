import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/*
 * Worker threads of the importer and of the modules' imports, started from the same TypeScript
 * source in development, tests and production. Under tsx (npm start, npm run bench) a worker
 * inherits its loader; elsewhere (vitest runs the server code through its own loader, which a
 * worker does not get) the worker registers tsx itself before loading its file.
 */
const bootstrap = `
const { workerData } = require("node:worker_threads");
import(workerData.file).catch(async (err) => {
  if (err?.code !== "ERR_UNKNOWN_FILE_EXTENSION") throw err;
  (await import(workerData.tsx)).register();
  // A new URL: the failed load of the plain one stays cached.
  return import(workerData.file + "?tsx");
});`;

/** tsx's ESM API (register() hooks tsx into the calling thread); require.resolve finds its CJS twin. */
let tsxUrl: string | undefined;
const tsxApi = () => {
  tsxUrl ??= pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  return tsxUrl;
};

/** Starts the worker thread of a TypeScript file (`new URL("./x.worker.ts", import.meta.url)`); its data is workerData.data. */
export function startTsWorker(file: URL, data?: unknown): Worker {
  return new Worker(bootstrap, { eval: true, workerData: { file: file.href, tsx: tsxApi(), data } });
}
