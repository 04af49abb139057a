import { registerJob } from "../../lib/jobs/jobs.registry.js";
import { runNodeAlerts } from "./nodes.alerts.js";
import { runPerformanceAlerts } from "./performance.service.js";

/** The lifecycle's daily alerts; buildApp calls this once. */
export function registerProjectJobs(): void {
  registerJob({
    name: "projects.node_alerts",
    title: "项目节点逾期与到期提醒",
    dailyAt: "08:00",
    run: runNodeAlerts,
  });
  registerJob({
    name: "projects.performance_alerts",
    title: "项目履约与土地闲置预警",
    dailyAt: "08:10",
    run: runPerformanceAlerts,
  });
}
