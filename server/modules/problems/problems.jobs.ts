import { registerJob } from "../../lib/jobs/jobs.registry.js";
import { runProblemAlerts } from "./problems.alerts.js";

/** The problem list's daily alert; buildApp calls this once. */
export function registerProblemJobs(): void {
  registerJob({
    name: "problems.overdue_alerts",
    title: "问题清单逾期提醒与升级",
    dailyAt: "08:20",
    run: runProblemAlerts,
  });
}
