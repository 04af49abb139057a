import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { activitiesMessages, activityAuditMessages } from "../features/activities/activities.messages";
import { auditMessages } from "../features/audit/audit.messages";
import { enterprisesMessages } from "../features/enterprises/enterprises.messages";
import { importsMessages } from "../features/imports/imports.messages";
import { notifyMessages } from "../features/notify/notify.messages";
import { orgMessages } from "../features/org/org.messages";
import { problemAuditMessages, problemsMessages } from "../features/problems/problems.messages";
import { reviewAuditMessages, reviewsMessages } from "../features/reviews/reviews.messages";
import { sessionMessages } from "../features/session/session.messages";
import { settingsMessages } from "../features/settings/settings.messages";
import { workdaysMessages } from "../features/settings/workdays.messages";
import { usersMessages } from "../features/users/users.messages";
import { registerMessages } from "../lib/i18n";
import { appMessages } from "./app.messages";
import { Providers } from "./providers";
import "./global.css";

registerMessages("app", appMessages);
registerMessages("session", sessionMessages);
registerMessages("org", orgMessages);
registerMessages("users", usersMessages);
registerMessages("audit", auditMessages);
registerMessages("settings", settingsMessages);
registerMessages("workdays", workdaysMessages);
registerMessages("enterprises", enterprisesMessages);
registerMessages("imports", importsMessages);
registerMessages("activities", activitiesMessages);
registerMessages("audit", activityAuditMessages);
registerMessages("notify", notifyMessages);
registerMessages("problems", problemsMessages);
registerMessages("audit", problemAuditMessages);
registerMessages("reviews", reviewsMessages);
registerMessages("audit", reviewAuditMessages);

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");
createRoot(root).render(
  <StrictMode>
    <Providers />
  </StrictMode>,
);
