// Route pages are imported lazily by path from web/app.
export { fundAuditMessages } from "./funds.audit.messages";
export { fundsMessages } from "./funds.messages";
