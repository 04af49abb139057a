// Route pages are imported lazily by path from web/app.
export { kpiMessages } from "./kpi.messages";
