// Route pages and the project panel are imported lazily by path from web/app.
export { sitesMessages } from "./sites.messages";
