// Route pages are imported lazily by path from web/app.
export { settingsMessages } from "./settings.messages";
export { workdaysMessages } from "./workdays.messages";
