import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { auditMessages } from "../features/audit/audit.messages";
import { enterprisesMessages } from "../features/enterprises/enterprises.messages";
import { importsMessages } from "../features/imports/imports.messages";
import { orgMessages } from "../features/org/org.messages";
import { sessionMessages } from "../features/session/session.messages";
import { settingsMessages } from "../features/settings/settings.messages";
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
registerMessages("enterprises", enterprisesMessages);
registerMessages("imports", importsMessages);

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");
createRoot(root).render(
  <StrictMode>
    <Providers />
  </StrictMode>,
);
