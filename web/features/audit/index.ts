// Route pages are imported lazily by path from web/app.
export { auditMessages } from "./audit.messages";
export { AuditTrail } from "./components/AuditTrail";
