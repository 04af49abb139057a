import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Popconfirm,
  Result,
  Row,
  Skeleton,
  Statistic,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { type FundRow, fundStatusColors } from "../../../../common/fund.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { RecordDrawer } from "../../../components/RecordDrawer";
import { isApiError } from "../../../lib/api";
import { usePermission } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { useDeleteFund, useFundDetail } from "../api/funds.api";
import { FundForm } from "./FundForm";
import { InvestmentsTab } from "./InvestmentsTab";
import { leverageText, money } from "./inputs";
import { CallsTab, ExitsTab, ProjectsTab } from "./OtherTabs";

/** 撬动倍数 with its formula and the figures it divides; n/a without fund money. */
const Leverage = ({ f }: { f: FundRow }) => {
  const { t } = useTranslation("funds");
  return (
    <Card size="small" data-testid="fund-leverage">
      <Statistic
        title={t("field.leverage")}
        value={f.leverage === null ? t("page.na") : leverageText(f.leverage, "")}
      />
      <Typography.Text type="secondary">{t("page.formula")}</Typography.Text>
      {f.leverage !== null && (
        <div>
          <Typography.Text>
            {t("page.leverageOf", {
              co: money(f.coInvestFen),
              fund: money(f.investedFen),
              x: f.leverage.toFixed(2),
            })}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
};

const Overview = ({ f }: { f: FundRow }) => {
  const { t } = useTranslation("funds");
  const stat = (title: string, fen: number) => (
    <Col xs={12} md={6}>
      <Card size="small">
        <Statistic title={title} value={money(fen)} />
      </Card>
    </Col>
  );
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {stat(t("field.committed"), f.committedFen)}
        {stat(t("field.paidIn"), f.paidInFen)}
        {stat(t("field.invested"), f.investedFen)}
        {stat(t("field.uncommitted"), f.uncommittedFen)}
        {stat(t("field.coInvest"), f.coInvestFen)}
        {stat(t("field.exitProceeds"), f.exitProceedsFen)}
        <Col xs={24} md={12}>
          <Leverage f={f} />
        </Col>
      </Row>
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered styles={{ label: { width: 160 } }}>
        <Descriptions.Item label={t("field.managerShort")}>
          {f.managerId ? <Link to={`/enterprises/${f.managerId}`}>{f.managerName}</Link> : "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("field.park")}>{f.parkName ?? f.regionName}</Descriptions.Item>
        <Descriptions.Item label={t("field.size")}>{money(f.sizeFen)}</Descriptions.Item>
        <Descriptions.Item label={t("field.government")}>
          {`${money(f.governmentFen)}（${f.governmentPct}%）`}
        </Descriptions.Item>
        <Descriptions.Item label={t("field.inceptionOn")}>{f.inceptionOn}</Descriptions.Item>
        <Descriptions.Item label={t("field.term")}>{t("list.years", { n: f.termYears })}</Descriptions.Item>
        <Descriptions.Item label={t("field.focus")} span="filled">
          {f.focus.length === 0 ? "—" : f.focus.map((x) => <Tag key={x}>{x}</Tag>)}
        </Descriptions.Item>
        <Descriptions.Item label={t("field.note")} span="filled">
          {f.note ?? "—"}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
};

/** 基金详情: the fund, its leverage with the formula, and its investments, calls, exits and projects. */
export const FundPage = () => {
  const { t } = useTranslation("funds");
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const [params, setParams] = useSearchParams();
  const { AuditTrail } = useExtensions();
  const canManage = usePermission("fund.manage");
  // The history needs audit.read (leaders, administrators): without it, no tab.
  const canAudit = usePermission("audit.read");
  const { data, error, isLoading, refetch } = useFundDetail(id);
  const remove = useDeleteFund();
  const [editing, setEditing] = useState(false);
  const back = (
    <Link to="/funds" style={{ display: "inline-block", marginBottom: 12 }}>
      <ArrowLeftOutlined /> {t("page.back")}
    </Link>
  );
  if (isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!data) {
    const missing = isApiError(error) && (error.status === 404 || error.status === 400);
    return missing ? (
      <Result status="404" title={t("page.notFound")} extra={back} />
    ) : (
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
    );
  }
  const f = data.fund;
  const tab = params.get("tab") ?? "overview";
  return (
    <>
      {back}
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="flex-start" wrap gap={16}>
          <Flex vertical gap={8}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {f.name}
            </Typography.Title>
            <Flex gap={8} wrap align="center">
              <Tag color={fundStatusColors[f.status]}>{t(`status.${f.status}`)}</Tag>
              <Typography.Text type="secondary">
                {[f.parkName ?? f.regionName, f.managerName, `${t("field.size")} ${money(f.sizeFen)}`]
                  .filter(Boolean)
                  .join(" · ")}
              </Typography.Text>
            </Flex>
          </Flex>
          {canManage && (
            <Flex gap={8} wrap>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t("page.edit")}
              </Button>
              <Popconfirm
                title={t("page.deleteConfirm", { name: f.name })}
                okButtonProps={{ danger: true, loading: remove.isPending }}
                onConfirm={() =>
                  remove.mutate(
                    { id: f.id, version: f.version },
                    {
                      onSuccess: () => {
                        feedback.success(t("page.deleted", { name: f.name }));
                        navigate("/funds");
                      },
                      onError: feedback.error,
                    },
                  )
                }
              >
                <Button danger icon={<DeleteOutlined />}>
                  {t("page.delete")}
                </Button>
              </Popconfirm>
            </Flex>
          )}
        </Flex>
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === "overview" ? {} : { tab: key }, { replace: true })}
          items={[
            { key: "overview", label: t("page.overview"), children: <Overview f={f} /> },
            {
              key: "investments",
              label: `${t("page.investments")}（${data.investments.length}）`,
              children: <InvestmentsTab fund={f} rows={data.investments} canManage={canManage} />,
            },
            {
              key: "calls",
              label: `${t("page.calls")}（${data.calls.length}）`,
              children: <CallsTab fund={f} rows={data.calls} canManage={canManage} />,
            },
            {
              key: "exits",
              label: `${t("page.exits")}（${data.exits.length}）`,
              children: (
                <ExitsTab fund={f} rows={data.exits} investments={data.investments} canManage={canManage} />
              ),
            },
            {
              key: "projects",
              label: `${t("page.projects")}（${data.projects.length}）`,
              children: <ProjectsTab fund={f} rows={data.projects} canManage={canManage} />,
            },
            ...(canAudit
              ? [
                  {
                    key: "trail",
                    label: t("page.trail"),
                    children: <AuditTrail subjectType="fund" subjectId={f.id} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <RecordDrawer
        open={editing}
        title={f.name}
        onClose={() => setEditing(false)}
        subjectType="fund"
        subjectId={f.id}
        size={720}
      >
        <FundForm
          record={f}
          onCancel={() => setEditing(false)}
          onReload={() => void refetch()}
          onDone={() => {
            feedback.success(t("list.saved"));
            setEditing(false);
          }}
        />
      </RecordDrawer>
    </>
  );
};
