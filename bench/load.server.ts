// The server as `npm start` runs it, without the web build step: the load test drives the API.
import { main } from "../server/main.js";

await main();
