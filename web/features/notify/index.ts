// Route pages are imported lazily by path from web/app.
export { NotificationBell } from "./components/NotificationBell";
export { notifyMessages } from "./notify.messages";
