// Route pages and the enterprise panel are imported lazily by path from web/app (each stays its
// own chunk); they are named here as the feature's public surface.
export { CoveragePage } from "./components/CoveragePage";
export { EnterpriseVisitsPanel } from "./components/EnterpriseVisitsPanel";
export { PlansPage } from "./components/PlansPage";
export { VisitsPage } from "./components/VisitsPage";
export { visitAuditMessages, visitsMessages } from "./visits.messages";
