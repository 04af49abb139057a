// Route pages are imported lazily by path from web/app; the panels are lent to the project and
// enterprise pages through web/app/extensions.tsx.
export { activitiesMessages, activityAuditMessages } from "./activities.messages";
export { EnterpriseActivitiesPanel, ProjectActivitiesPanel } from "./components/ActivityPanels";
