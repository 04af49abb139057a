import { DashboardOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Empty, Flex, List, Row, Skeleton, Statistic, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Block, DashCount, KeyFigure } from "../../../../common/cockpit.schema";
import { useDashboard } from "../api/cockpit.api";
import { amountText, figureText, pct } from "../format";

/** A block's card: its content, or why there is none. */
function BlockCard<T>(p: {
  title: ReactNode;
  block: Block<T> | undefined;
  emptyText: string;
  extra?: ReactNode;
  testId: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation("cockpit");
  if (!p.block) return null;
  return (
    <Card title={p.title} extra={p.extra} data-testid={p.testId} style={{ height: "100%" }}>
      {p.block.status === "ok" ? (
        p.children(p.block.data)
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={p.block.status === "forbidden" ? t("forbidden") : p.emptyText}
        />
      )}
    </Card>
  );
}

/** Counts, each a link to the filtered list it was read from. */
const Counts = ({ counts }: { counts: DashCount[] }) => (
  <Flex gap={24} wrap>
    {counts.map((c) => (
      <Link key={c.key} to={c.link} data-testid="dash-count">
        <Statistic
          title={c.label}
          value={c.value}
          styles={{ content: { color: c.alert ? "#cf1322" : undefined, fontSize: 26 } }}
        />
      </Link>
    ))}
  </Flex>
);

const Figures = ({ figures }: { figures: KeyFigure[] }) => {
  const { t } = useTranslation("cockpit");
  return (
    <Flex gap={24} wrap>
      {figures.map((f) => {
        const v = figureText(f, t("unitYi"));
        return (
          <Link key={f.key} to={f.link ?? "#"} data-testid="dash-figure">
            <Statistic
              title={t(`figure.${f.key}`, { defaultValue: f.label })}
              value={v ? v.value : t("noData")}
              suffix={v?.unit}
              styles={{ content: { fontSize: 24 } }}
            />
            {f.goal && (
              <Typography.Text type="secondary">
                {t("progress", { pct: pct(f.goal.progress) ?? t("na") })}
              </Typography.Text>
            )}
          </Link>
        );
      })}
    </Flex>
  );
};

/** 工作台 blocks for the user's roles, from `/api/dashboard`. */
export const RoleDashboards = () => {
  const { t } = useTranslation("cockpit");
  const { t: te } = useTranslation("enums");
  const q = useDashboard();
  if (q.isLoading) return <Skeleton active style={{ marginBottom: 16 }} />;
  if (q.error || !q.data)
    return <Alert type="warning" showIcon title={t("dash.loadFailed")} style={{ marginBottom: 16 }} />;
  const d = q.data;
  if (!d.leader && !d.officer && !d.department && !d.team) return null;
  const units = { wan: t("unitWan"), yi: t("unitYi") };
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="role-dashboards">
      {d.leader && (
        <Col span={24}>
          <BlockCard
            testId="dash-leader"
            title={t("dash.leader", { year: d.leader.status === "ok" ? d.leader.data.year : "" })}
            block={d.leader}
            emptyText={t("dash.leaderEmpty")}
            extra={
              <Link to="/cockpit">
                <Button type="primary" icon={<DashboardOutlined />}>
                  {t("dash.openCockpit")}
                </Button>
              </Link>
            }
          >
            {(l) => <Figures figures={l.figures} />}
          </BlockCard>
        </Col>
      )}
      {d.officer && (
        <Col xs={24} lg={12}>
          <BlockCard
            testId="dash-officer"
            title={t("dash.officer")}
            block={d.officer}
            emptyText={t("dash.officerEmpty")}
          >
            {(o) => (
              <>
                <Counts counts={o.counts} />
                <List
                  size="small"
                  header={<Typography.Text type="secondary">{t("dash.recent")}</Typography.Text>}
                  dataSource={o.projects}
                  renderItem={(p) => (
                    <List.Item
                      extra={
                        p.overdueNodes > 0 ? (
                          <Tag color="red">{t("dash.overdueNodes", { n: p.overdueNodes })}</Tag>
                        ) : null
                      }
                    >
                      <Link to={`/projects/${p.id}`}>{p.name}</Link>
                      <Tag style={{ marginLeft: 8 }}>{te(`projectStage.${p.stage}`)}</Tag>
                    </List.Item>
                  )}
                />
              </>
            )}
          </BlockCard>
        </Col>
      )}
      {d.department?.status === "ok"
        ? d.department.data.map((dep) => (
            <Col xs={24} lg={12} key={dep.departmentId}>
              <BlockCard
                testId="dash-department"
                title={t("dash.department", { name: dep.departmentName })}
                block={{ status: "ok", data: dep }}
                emptyText={t("dash.departmentEmpty")}
              >
                {(x) => (
                  <>
                    <Counts counts={x.counts} />
                    <List
                      size="small"
                      header={<Typography.Text type="secondary">{t("dash.overdueList")}</Typography.Text>}
                      locale={{ emptyText: t("dash.noOverdue") }}
                      dataSource={x.overdue}
                      renderItem={(i) => (
                        <List.Item
                          extra={
                            i.lateWorkdays !== null && i.lateWorkdays > 0 ? (
                              <Tag color="red">{t("late", { n: i.lateWorkdays })}</Tag>
                            ) : null
                          }
                        >
                          <Link to={i.link}>
                            {i.subject ? `${i.subject} · ` : ""}
                            {i.title}
                          </Link>
                        </List.Item>
                      )}
                    />
                  </>
                )}
              </BlockCard>
            </Col>
          ))
        : d.department && (
            <Col xs={24} lg={12}>
              <BlockCard
                testId="dash-department"
                title={t("dash.overdueList")}
                block={d.department}
                emptyText={t("dash.departmentEmpty")}
              >
                {() => null}
              </BlockCard>
            </Col>
          )}
      {d.team?.status === "ok"
        ? d.team.data.map((tb) => (
            <Col xs={24} lg={12} key={tb.teamId}>
              <BlockCard
                testId="dash-team"
                title={t("dash.team", { name: tb.teamName })}
                block={{ status: "ok", data: tb }}
                emptyText={t("dash.teamEmpty")}
              >
                {(x) => (
                  <>
                    <Counts counts={x.counts} />
                    <Typography.Paragraph style={{ marginTop: 12 }}>
                      {x.rank ? (
                        <Link to="/kpi/ranking">
                          {t("dash.rank", {
                            scheme: x.rank.schemeName,
                            period: x.rank.periodLabel,
                            rank: x.rank.rank,
                            of: x.rank.of,
                          })}
                        </Link>
                      ) : (
                        <Typography.Text type="secondary">{t("dash.noRank")}</Typography.Text>
                      )}
                    </Typography.Paragraph>
                    <Flex gap={8} wrap>
                      {x.pipeline.stages
                        .filter((s) => s.n > 0)
                        .map((s) => (
                          <Link key={s.stage} to={`/projects?teamId=${x.teamId}&stage=${s.stage}`}>
                            <Tag color="blue">
                              {te(`projectStage.${s.stage}`)} {s.n}
                            </Tag>
                          </Link>
                        ))}
                    </Flex>
                    <Typography.Text type="secondary">
                      {t("totalProjects", {
                        n: x.pipeline.total,
                        amount: amountText(x.pipeline.investmentFen, units),
                      })}
                    </Typography.Text>
                  </>
                )}
              </BlockCard>
            </Col>
          ))
        : d.team && (
            <Col xs={24} lg={12}>
              <BlockCard
                testId="dash-team"
                title={t("dash.team", { name: "" })}
                block={d.team}
                emptyText={t("dash.teamEmpty")}
              >
                {() => null}
              </BlockCard>
            </Col>
          )}
    </Row>
  );
};
