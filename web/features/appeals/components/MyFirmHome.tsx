import { PlusOutlined, ShopOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Drawer, Empty, Flex, List, Skeleton, Statistic, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { AppealRow } from "../../../../common/appeal.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { useCurrentUser } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { formatDate } from "../../../lib/format";
import { useAppeals, useFirm } from "../api/appeals.api";
import { useAppealColumns } from "./AppealColumns";
import { AppealForm } from "./AppealForm";

/** What the department finished and the firm has to confirm: the firm's one open duty, on top. */
const ToConfirm = ({ items }: { items: AppealRow[] }) => {
  const { t } = useTranslation("appeals");
  if (items.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={t("home.toConfirm", { n: items.length })}
      description={
        <List<AppealRow>
          size="small"
          dataSource={items}
          renderItem={(a) => (
            <List.Item
              actions={[
                <Link key="confirm" to={`/appeals/${a.id}?do=confirm`}>
                  <Button type="primary" size="small">
                    {t("action.confirm")}
                  </Button>
                </Link>,
                <Link key="reopen" to={`/appeals/${a.id}?do=reopen`}>
                  <Button danger size="small">
                    {t("action.reopen")}
                  </Button>
                </Link>,
              ]}
            >
              <List.Item.Meta
                title={<Link to={`/appeals/${a.id}`}>{a.title}</Link>}
                description={t("home.resolvedBy", {
                  department: a.departmentName ?? "",
                  on: formatDate(a.resolvedOn),
                })}
              />
            </List.Item>
          )}
        />
      }
    />
  );
};

/** 企业用户的工作台: their own firm, what awaits their confirmation, and 我的诉求 with 提交诉求. */
export const MyFirmHome = () => {
  const { t } = useTranslation("appeals");
  const me = useCurrentUser();
  const feedback = useFeedback();
  const navigate = useNavigate();
  const firmId = me.scopes.find((s) => s.kind === "enterprise")?.refId ?? null;
  const firm = useFirm(firmId);
  const recent = useAppeals({ pageSize: 5, sort: "raisedOn", order: "desc" });
  const waiting = useAppeals({ status: "resolved", pageSize: 50 });
  const active = useAppeals({ status: "active", pageSize: 1 });
  const columns = useAppealColumns(false).map(({ sorter: _s, ...c }) => c);
  const [raising, setRaising] = useState(false);

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="center" wrap gap={16}>
          <Flex vertical gap={4} style={{ minWidth: 0 }}>
            <Typography.Text type="secondary">{t("home.myFirm")}</Typography.Text>
            <Typography.Title level={4} style={{ margin: 0 }}>
              <ShopOutlined style={{ color: "#1f5fbf", marginInlineEnd: 8 }} />
              {!firmId ? (
                t("home.noFirm")
              ) : firm.data ? (
                <Link to={`/enterprises/${firmId}`}>{firm.data.name}</Link>
              ) : (
                <Skeleton.Input active size="small" />
              )}
            </Typography.Title>
            {firm.data && (
              <Typography.Text type="secondary">
                {[firm.data.uscc, firm.data.parkName ?? firm.data.regionName].filter(Boolean).join(" · ")}
                {firm.data.specialistName && ` · ${t("home.specialist", { name: firm.data.specialistName })}`}
              </Typography.Text>
            )}
          </Flex>
          <Flex gap={32} align="center" wrap>
            <Statistic title={t("home.total")} value={recent.data?.total ?? "—"} />
            <Statistic title={t("home.active")} value={active.data?.total ?? "—"} />
            <Statistic
              title={t("home.waiting")}
              value={waiting.data?.total ?? "—"}
              styles={{ content: { color: waiting.data?.total ? "#1f5fbf" : undefined } }}
            />
            <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setRaising(true)}>
              {t("list.raise")}
            </Button>
          </Flex>
        </Flex>
      </Card>
      <ToConfirm items={waiting.data?.items ?? []} />
      <Card
        title={t("home.mine")}
        style={{ marginBottom: 16 }}
        extra={<Link to="/appeals">{t("home.all")}</Link>}
      >
        <ApiErrorAlert error={recent.error} onRetry={() => void recent.refetch()} />
        <Table<AppealRow>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={recent.data?.items}
          loading={recent.isFetching}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("list.emptyMine")}>
                <Button type="primary" onClick={() => setRaising(true)}>
                  {t("list.raise")}
                </Button>
              </Empty>
            ),
          }}
        />
      </Card>
      <Drawer
        open={raising}
        title={t("list.raise")}
        onClose={() => setRaising(false)}
        size={640}
        destroyOnHidden
      >
        <AppealForm
          onCancel={() => setRaising(false)}
          onDone={(saved) => {
            feedback.success(t("list.created", { title: saved.title, code: saved.code }));
            setRaising(false);
            navigate(`/appeals/${saved.id}`);
          }}
        />
      </Drawer>
    </>
  );
};
