// Route pages and the enterprise panel are imported lazily by path from web/app.
export { policiesMessages, policyAuditMessages } from "./policies.messages";
