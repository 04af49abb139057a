// Route pages are imported lazily by path from web/app.
export { useAuditEntries } from "./api/audit.api";
export { auditMessages } from "./audit.messages";
export { AuditTrail } from "./components/AuditTrail";
