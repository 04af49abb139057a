import { Button, Result } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useRouteError } from "react-router";
import { usePermission } from "../../lib/current-user";

export const NotFoundPage = () => {
  const { t } = useTranslation("app");
  return (
    <Result
      status="404"
      title={t("errors.notFoundTitle")}
      subTitle={t("errors.notFound")}
      extra={
        <Link to="/">
          <Button type="primary">{t("errors.backHome")}</Button>
        </Link>
      }
    />
  );
};

export const ForbiddenPage = () => {
  const { t } = useTranslation("app");
  return (
    <Result
      status="403"
      title={t("errors.forbiddenTitle")}
      subTitle={t("common:error.forbidden")}
      extra={
        <Link to="/">
          <Button type="primary">{t("errors.backHome")}</Button>
        </Link>
      }
    />
  );
};

/** A route the menu hides is refused too, when typed into the address bar. */
export const RequirePermission = ({ permission, children }: { permission: string; children: ReactNode }) =>
  usePermission(permission) ? children : <ForbiddenPage />;

/** A page that threw while rendering; the rest of the app keeps working. */
export const RouteErrorPage = () => {
  const { t } = useTranslation("app");
  const error = useRouteError();
  return (
    <Result
      status="error"
      title={t("errors.crashed")}
      subTitle={
        <>
          {t("errors.crashedHint")}
          {error instanceof Error && <div style={{ marginTop: 8, fontSize: 12 }}>{error.message}</div>}
        </>
      }
      extra={<Button onClick={() => window.location.reload()}>{t("errors.reload")}</Button>}
    />
  );
};
