// Route pages are imported lazily by path from web/app.
export { useUsers } from "./api/users.api";
export { UserPicker } from "./components/UserPicker";
export { usersMessages } from "./users.messages";
