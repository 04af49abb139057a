// Route pages and the project panel are imported lazily by path from web/app.
export { problemAuditMessages, problemsMessages } from "./problems.messages";
