import { Card, Col, Empty, Flex, Row, Skeleton, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { type ComponentType, lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAuditEntries } from "../../features/audit";
import { useEnterprises } from "../../features/enterprises";
import { useDepartments, useParks, useTeams } from "../../features/org";
import { useUsers } from "../../features/users";
import { useCurrentUser } from "../../lib/current-user";
import { formatDateCn } from "../../lib/format";
import { allowedSections } from "../sections";

/** A figure read from a list's total: never a made-up number. */
const Figure = ({ total, loading, label }: { total?: number; loading: boolean; label: string }) => {
  const { t } = useTranslation("app");
  if (loading) return <Skeleton.Button active size="small" />;
  if (total === undefined) return null;
  return (
    <Typography.Text style={{ fontSize: 24, fontWeight: 600 }} data-testid="home-figure">
      {t(`home.${label}`, { n: total.toLocaleString("zh-CN") })}
    </Typography.Text>
  );
};

const one = { page: 1, pageSize: 1 };
const ParksFigure = () => {
  const q = useParks(one);
  return <Figure total={q.data?.total} loading={q.isLoading} label="count" />;
};
const TeamsFigure = () => {
  const q = useTeams(one);
  return <Figure total={q.data?.total} loading={q.isLoading} label="count" />;
};
const DepartmentsFigure = () => {
  const q = useDepartments(one);
  return <Figure total={q.data?.total} loading={q.isLoading} label="count" />;
};
const UsersFigure = () => {
  const q = useUsers(one);
  return <Figure total={q.data?.total} loading={q.isLoading} label="countPeople" />;
};
const AuditTodayFigure = () => {
  const today = dayjs().format("YYYY-MM-DD");
  const q = useAuditEntries({ ...one, from: today, to: today });
  return <Figure total={q.data?.total} loading={q.isLoading} label="countEntries" />;
};

const EnterprisesFigure = () => {
  const q = useEnterprises(one);
  // Past 10,000 firms the server estimates the total: say so.
  const label = q.data && !q.data.totalExact ? "countFirmsApprox" : "countFirms";
  return <Figure total={q.data?.total} loading={q.isLoading} label={label} />;
};

const figures: Record<string, ComponentType> = {
  "/enterprises": EnterprisesFigure,
  "/org/parks": ParksFigure,
  "/org/teams": TeamsFigure,
  "/org/departments": DepartmentsFigure,
  "/users": UsersFigure,
  "/audit": AuditTodayFigure,
};

// An enterprise user's own firm and appeals, above their sections; loaded only for them.
const MyFirmHome = lazy(() =>
  import("../../features/appeals/components/MyFirmHome").then((m) => ({ default: m.MyFirmHome })),
);

// The role dashboards (officer, department, team lead, leader) from /api/dashboard.
const RoleDashboards = lazy(() =>
  import("../../features/cockpit/components/RoleDashboards").then((m) => ({ default: m.RoleDashboards })),
);

const dayPart = (h: number): string =>
  h < 9 ? "morning" : h < 11 ? "forenoon" : h < 13 ? "noon" : h < 18 ? "afternoon" : "evening";

/** 工作台: a greeting and the user's sections, with real counts where a list has one. */
export const HomePage = () => {
  const { t, i18n } = useTranslation("app");
  const me = useCurrentUser();
  const allowed = allowedSections(me.permissions);
  // An enterprise user is scoped to their own firm (an administrator holds appeal.raise too).
  const firmUser = me.scopes.some((s) => s.kind === "enterprise");
  const now = dayjs();
  const date =
    i18n.language === "en"
      ? now.format("dddd, D MMMM YYYY")
      : `${formatDateCn(now.toDate())} ${now.format("dddd")}`;

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t("home.greeting", { name: me.name, part: t(`home.${dayPart(now.hour())}`) })}
        </Typography.Title>
        <Typography.Text type="secondary">{t("home.today", { date })}</Typography.Text>
        <Flex gap={24} wrap style={{ marginTop: 16 }}>
          <div>
            <Typography.Text type="secondary">
              {t("home.roles")}
              {t("common:state.colon")}
            </Typography.Text>
            {me.roles.map((r) => (
              <Tag key={r} color="blue">
                {t(`enums:role.${r}`)}
              </Tag>
            ))}
          </div>
          <div>
            <Typography.Text type="secondary">
              {t("home.scopes")}
              {t("common:state.colon")}
            </Typography.Text>
            {me.scopes.map((s) => (
              <Tag key={`${s.kind}:${s.refId ?? ""}`}>
                {s.kind === "all"
                  ? t("enums:scopeKind.all")
                  : `${t(`enums:scopeKind.${s.kind}`)}${s.refName ? t("common:state.colon") + s.refName : ""}`}
              </Tag>
            ))}
          </div>
        </Flex>
      </Card>
      {firmUser && (
        <Suspense fallback={<Skeleton active />}>
          <MyFirmHome />
        </Suspense>
      )}
      <Suspense fallback={<Skeleton active />}>
        <RoleDashboards />
      </Suspense>
      <Typography.Title level={5}>{t("home.sections")}</Typography.Title>
      {allowed.length === 0 ? (
        <Card>
          <Empty description={t("home.nothing")} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {allowed.map((s) => {
            const Fig = figures[s.path];
            return (
              <Col key={s.path} xs={24} sm={12} lg={8} xl={6}>
                <Link to={s.path} aria-label={t(`menu.${s.label}`)}>
                  <Card hoverable style={{ height: "100%" }}>
                    <Flex vertical gap={8}>
                      <Flex align="center" gap={8}>
                        <span style={{ fontSize: 20, color: "#1677ff" }}>{s.icon}</span>
                        <Typography.Text strong style={{ fontSize: 16 }}>
                          {t(`menu.${s.label}`)}
                        </Typography.Text>
                      </Flex>
                      {Fig && <Fig />}
                      <Typography.Text type="secondary">{t(`home.${s.label}Desc`)}</Typography.Text>
                    </Flex>
                  </Card>
                </Link>
              </Col>
            );
          })}
        </Row>
      )}
    </>
  );
};
