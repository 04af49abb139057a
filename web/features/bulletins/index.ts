// Route pages are imported lazily by path from web/app.
export { bulletinAuditMessages } from "./bulletins.audit.messages";
export { bulletinsMessages } from "./bulletins.messages";
