// Route pages and the home-page dashboards are imported lazily by path from web/app.
export { cockpitMessages } from "./cockpit.messages";
