import { PlusOutlined } from "@ant-design/icons";
import { Button, Empty, Flex, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { VisitRow } from "../../../../common/visit.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { usePermission } from "../../../lib/current-user";
import type { EnterprisePanelProps } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { formatDate } from "../../../lib/format";
import { useVisits } from "../api/visits.api";
import { FormDrawer } from "./VisitBits";
import { useOpenVisit, useVisitColumns } from "./VisitColumns";
import { VisitDrawer } from "./VisitDrawer";
import { VisitForm } from "./VisitForm";

const PAGE_SIZE = 10;

/** 走访记录 on the enterprise page: the firm's visits, newest first; record one in place. */
export const EnterpriseVisitsPanel = ({ enterpriseId, enterpriseName }: EnterprisePanelProps) => {
  const { t } = useTranslation("visits");
  const feedback = useFeedback();
  const canWrite = usePermission("visit.write");
  const [page, setPage] = useState(1);
  const { data, isFetching, error, refetch } = useVisits({
    enterpriseId,
    page,
    pageSize: PAGE_SIZE,
    sort: "visitedOn",
    order: "desc",
  });
  const { openId, editing, open } = useOpenVisit();
  const [creating, setCreating] = useState(false);
  const columns = useVisitColumns({ open, canWrite, showEnterprise: false });
  const last = data?.items[0];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          {data
            ? data.total > 0 && last
              ? t("panel.summary", { n: data.total, date: formatDate(last.visitedOn) })
              : t("panel.none")
            : ""}
        </Typography.Text>
        <Flex gap={8} align="center">
          {data && data.total > 0 && (
            <Link to={`/visits?enterpriseId=${enterpriseId}`}>{t("panel.all")}</Link>
          )}
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t("list.create")}
            </Button>
          )}
        </Flex>
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <Table<VisitRow>
        rowKey="id"
        size="small"
        columns={columns.map(({ sorter: _s, ...c }) => c)}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 860 }}
        pagination={
          (data?.total ?? 0) > PAGE_SIZE
            ? { current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage }
            : false
        }
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("panel.empty")} />,
        }}
      />
      <VisitDrawer id={openId} editing={editing} onEdit={(e) => open(openId, e)} onClose={() => open(null)} />
      <FormDrawer open={creating} title={t("list.create")} onClose={() => setCreating(false)}>
        <VisitForm
          record={null}
          firm={{ id: enterpriseId, name: enterpriseName }}
          onCancel={() => setCreating(false)}
          onReload={() => undefined}
          onDone={(saved) => {
            feedback.success(
              saved.appealCount > 0
                ? t("list.createdWithAppeals", { name: saved.enterpriseName, n: saved.appealCount })
                : t("list.created", { name: saved.enterpriseName }),
            );
            setCreating(false);
            setPage(1);
          }}
        />
      </FormDrawer>
    </Flex>
  );
};
