import { QueryClientProvider } from "@tanstack/react-query";
import { App as AntdApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { useEffect } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { RouterProvider } from "react-router";
import { setUnauthorizedHandler } from "../lib/api";
import { ExtensionsProvider } from "../lib/extensions";
import { i18n } from "../lib/i18n";
import { extensions } from "./extensions";
import { queryClient } from "./queryClient";
import { router } from "./router";

// A 401 on any call (an expired session) goes back to the login page within the app.
setUnauthorizedHandler(() => {
  const { pathname, search } = window.location;
  if (pathname.startsWith("/login")) return;
  queryClient.clear();
  void router.navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true });
});

const fontFamily =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', " +
  "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif";

const Themed = () => {
  const { i18n: active } = useTranslation();
  const en = active.language === "en";
  useEffect(() => {
    dayjs.locale(en ? "en" : "zh-cn");
  }, [en]);
  return (
    <ConfigProvider locale={en ? enUS : zhCN} theme={{ token: { fontFamily, colorPrimary: "#1f5fbf" } }}>
      <AntdApp>
        <ExtensionsProvider value={extensions}>
          <RouterProvider router={router} />
        </ExtensionsProvider>
      </AntdApp>
    </ConfigProvider>
  );
};

export const Providers = () => (
  <I18nextProvider i18n={i18n}>
    <QueryClientProvider client={queryClient}>
      <Themed />
    </QueryClientProvider>
  </I18nextProvider>
);
