import { MenuFoldOutlined, MenuUnfoldOutlined } from "@ant-design/icons";
import { Button, Flex, Grid, Layout, Menu, Result, Spin, Typography } from "antd";
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation, useNavigate } from "react-router";
import { NotificationBell } from "../../features/notify";
import { ChangePasswordDialog, useLogout, useMe } from "../../features/session";
import { isApiError } from "../../lib/api";
import { CurrentUserProvider } from "../../lib/current-user";
import { groupKeys, menuItems, selectedKey } from "../sections";
import { Watermark } from "../Watermark";
import { LanguageSwitch } from "./LanguageSwitch";
import { UserMenu } from "./UserMenu";

const PageFallback = () => (
  <Flex justify="center" style={{ padding: 64 }}>
    <Spin size="large" />
  </Flex>
);

/** Signs the user in or out, and frames every page: menu, header, watermark. */
export const MainLayout = () => {
  const { t, i18n } = useTranslation("app");
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const logout = useLogout();
  // A phone starts with the menu folded away: the page gets the whole width.
  const small = !Grid.useBreakpoint().md;
  const [collapsed, setCollapsed] = useState(() => typeof window !== "undefined" && window.innerWidth < 768);
  const [pwOpen, setPwOpen] = useState(false);

  if (me.isLoading) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: "100vh" }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (me.error || !me.data) {
    if (isApiError(me.error) && me.error.status === 401) {
      const next = encodeURIComponent(location.pathname + location.search);
      return <Navigate to={`/login?next=${next}`} replace />;
    }
    return (
      <Result
        status="error"
        title={t("errors.sessionFailed")}
        subTitle={me.error instanceof Error ? me.error.message : undefined}
        extra={<Button onClick={() => void me.refetch()}>{t("common:error.retry")}</Button>}
      />
    );
  }

  const user = me.data;
  const onLogout = () => logout.mutate(undefined, { onSettled: () => navigate("/login", { replace: true }) });
  const key = selectedKey(location.pathname);

  return (
    <CurrentUserProvider user={user}>
      <Layout style={{ minHeight: "100vh" }}>
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          trigger={null}
          width={220}
          breakpoint="md"
          collapsedWidth={small ? 0 : 80}
          onBreakpoint={(broken) => setCollapsed(broken)}
          style={
            small
              ? { position: "fixed", zIndex: 20, left: 0, top: 0, height: "100vh", overflow: "auto" }
              : { position: "sticky", top: 0, height: "100vh", overflow: "auto" }
          }
        >
          <Flex align="center" justify="center" style={{ height: 56 }}>
            <Typography.Title
              level={4}
              style={{ color: "#fff", margin: 0, letterSpacing: collapsed || i18n.language === "en" ? 0 : 4 }}
            >
              {collapsed ? t("brand").slice(0, 1) : t("brand")}
            </Typography.Title>
          </Flex>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[key]}
            defaultOpenKeys={groupKeys}
            items={menuItems(user.permissions, t)}
            onClick={(e) => {
              navigate(e.key);
              if (small) setCollapsed(true);
            }}
          />
        </Layout.Sider>
        <Layout>
          <Layout.Header
            style={{
              background: "#fff",
              padding: "0 16px",
              borderBottom: "1px solid #f0f0f0",
              position: "sticky",
              top: 0,
              zIndex: 10,
            }}
          >
            <Flex justify="space-between" align="center" style={{ height: "100%" }}>
              <Flex align="center" gap={8}>
                <Button
                  type="text"
                  aria-label={collapsed ? t("header.expand") : t("header.collapse")}
                  icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                  onClick={() => setCollapsed(!collapsed)}
                />
                {!small && <Typography.Text type="secondary">{t("brandSub")}</Typography.Text>}
              </Flex>
              <Flex align="center" gap={small ? 8 : 16}>
                <NotificationBell />
                <LanguageSwitch />
                <UserMenu me={user} onChangePassword={() => setPwOpen(true)} onLogout={onLogout} />
              </Flex>
            </Flex>
          </Layout.Header>
          <Layout.Content style={{ padding: small ? 12 : 24 }}>
            <Suspense fallback={<PageFallback />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
      <ChangePasswordDialog
        open={pwOpen || user.mustChangePassword}
        forced={user.mustChangePassword}
        onClose={() => setPwOpen(false)}
        onLogout={onLogout}
      />
      {user.watermark && <Watermark name={user.name} />}
    </CurrentUserProvider>
  );
};
