import { createServer } from "vite";
import { main } from "../main.js";

/** API server plus Vite's dev server (hot reload) proxying /api to it. */
await main();
const vite = await createServer({ configFile: new URL("../../vite.config.ts", import.meta.url).pathname });
await vite.listen();
vite.printUrls();
