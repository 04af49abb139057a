// Route pages are imported lazily by path from web/app.
export { projectAuditMessages, projectsMessages } from "./projects.messages";
