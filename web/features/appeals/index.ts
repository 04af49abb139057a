// Route pages and the enterprise panels are imported lazily by path from web/app.
export { appealAuditMessages, appealsMessages } from "./appeals.messages";
