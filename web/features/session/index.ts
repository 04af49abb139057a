export { useChangePassword, useLogin, useLogout, useMe } from "./api/session.api";
export { ChangePasswordDialog } from "./components/ChangePasswordDialog";
export { sessionMessages } from "./session.messages";
