import type { Messages } from "../../lib/i18n";

export const sessionMessages: Messages = {
  "zh-CN": {
    login: {
      title: "登录招引",
      subtitle: "开发区与招商引资工作平台",
      username: "用户名",
      password: "密码",
      submit: "登录",
      usernameRequired: "请输入用户名",
      passwordRequired: "请输入密码",
      footer: "仅限授权人员使用，所有操作均记录在案",
    },
    password: {
      title: "修改密码",
      forcedTitle: "请先修改密码",
      forcedHint: "首次登录或密码被重置后，须设置新密码才能继续使用。",
      current: "当前密码",
      next: "新密码",
      confirm: "确认新密码",
      rule: "至少 8 位，须同时包含字母和数字",
      mismatch: "两次输入的新密码不一致",
      same: "新密码不能与当前密码相同",
      submit: "确认修改",
      done: "密码已修改",
    },
  },
  en: {
    login: {
      title: "Sign in to Zhaoyin",
      subtitle: "Development zone and investment promotion platform",
      username: "Username",
      password: "Password",
      submit: "Sign in",
      usernameRequired: "Enter your username",
      passwordRequired: "Enter your password",
      footer: "For authorised staff only; every action is recorded",
    },
    password: {
      title: "Change password",
      forcedTitle: "Change your password first",
      forcedHint: "After the first sign-in or a reset you must set a new password to continue.",
      current: "Current password",
      next: "New password",
      confirm: "Confirm new password",
      rule: "At least 8 characters, with letters and digits",
      mismatch: "The new passwords differ",
      same: "The new password must differ from the current one",
      submit: "Change",
      done: "Password changed",
    },
  },
};
