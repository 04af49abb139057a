import { PlusOutlined } from "@ant-design/icons";
import { Button, Drawer, Empty, Flex, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { AppealRow } from "../../../../common/appeal.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { usePermission } from "../../../lib/current-user";
import type { EnterprisePanelProps } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { useAppeals } from "../api/appeals.api";
import { useAppealColumns } from "./AppealColumns";
import { AppealForm } from "./AppealForm";

/** 诉求 on the enterprise page: the firm's appeals, newest first; file one in place. */
export const EnterpriseAppealsPanel = ({ enterpriseId, enterpriseName, regionId }: EnterprisePanelProps) => {
  const { t } = useTranslation("appeals");
  const feedback = useFeedback();
  const navigate = useNavigate();
  const staff = usePermission("appeal.write");
  const firmUser = usePermission("appeal.raise") && !staff;
  const { data, isFetching, error, refetch } = useAppeals({
    enterpriseId,
    pageSize: 100,
    sort: "raisedOn",
    order: "desc",
  });
  const [creating, setCreating] = useState(false);
  const columns = useAppealColumns(false).map(({ sorter: _s, ...c }) => c);
  const active = (data?.items ?? []).filter((a) => a.status !== "closed").length;
  const label = firmUser ? t("list.raise") : t("list.create");

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          {data ? t("panel.counts", { total: data.total, active }) : ""}
          {data && data.total > data.items.length && (
            <Link to={`/appeals?enterpriseId=${enterpriseId}`} style={{ marginInlineStart: 8 }}>
              {t("panel.all")}
            </Link>
          )}
        </Typography.Text>
        {(staff || firmUser) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {label}
          </Button>
        )}
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <Table<AppealRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        pagination={false}
        scroll={{ x: 960 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("panel.empty")} /> }}
      />
      <Drawer open={creating} title={label} onClose={() => setCreating(false)} size={640} destroyOnHidden>
        <AppealForm
          firm={{ id: enterpriseId, name: enterpriseName, regionId }}
          onCancel={() => setCreating(false)}
          onDone={(saved) => {
            feedback.success(t("list.created", { title: saved.title, code: saved.code }));
            setCreating(false);
            navigate(`/appeals/${saved.id}`);
          }}
        />
      </Drawer>
    </Flex>
  );
};
