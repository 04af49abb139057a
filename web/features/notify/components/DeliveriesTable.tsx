import { Flex, Select, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type DeliveryStatus, type DeliveryView, deliveryStatuses } from "../../../../common/notify.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { formatDateTime } from "../../../lib/format";
import { useChannels, useDeliveries } from "../api/channels.api";

const statusColor: Record<DeliveryStatus, string> = {
  pending: "processing",
  sent: "success",
  failed: "error",
};

/** The latest deliveries, filterable by channel and status. */
export const DeliveriesTable = () => {
  const { t } = useTranslation("notify");
  const [status, setStatus] = useState<DeliveryStatus | undefined>();
  const [channelId, setChannelId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const channels = useChannels();
  const { data, isFetching, error, refetch } = useDeliveries({ status, channelId, page, pageSize });

  const columns: ColumnsType<DeliveryView> = [
    {
      title: t("delivery.createdAt"),
      dataIndex: "createdAt",
      key: "createdAt",
      width: 150,
      render: formatDateTime,
    },
    { title: t("delivery.channel"), dataIndex: "channelName", key: "channel", width: 160 },
    { title: t("delivery.title"), dataIndex: "title", key: "title", ellipsis: true },
    {
      title: t("delivery.status"),
      dataIndex: "status",
      key: "status",
      width: 100,
      render: (s: DeliveryStatus) => <Tag color={statusColor[s]}>{t(`delivery.statuses.${s}`)}</Tag>,
    },
    { title: t("delivery.attempts"), dataIndex: "attempts", key: "attempts", width: 90, align: "right" },
    {
      title: t("delivery.nextAttemptAt"),
      key: "next",
      width: 150,
      render: (_, d) => (d.status === "pending" ? formatDateTime(d.nextAttemptAt) : ""),
    },
    {
      title: t("delivery.lastError"),
      dataIndex: "lastError",
      key: "lastError",
      width: 240,
      ellipsis: true,
      render: (v: string | null) =>
        v ? (
          <Typography.Text type="danger" title={v}>
            {v}
          </Typography.Text>
        ) : (
          ""
        ),
    },
    { title: t("delivery.sentAt"), dataIndex: "sentAt", key: "sentAt", width: 150, render: formatDateTime },
  ];

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={t("delivery.allChannels")}
          value={channelId}
          onChange={(v) => {
            setChannelId(v);
            setPage(1);
          }}
          options={(channels.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t("delivery.allStatuses")}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={deliveryStatuses.map((s) => ({ value: s, label: t(`delivery.statuses.${s}`) }))}
        />
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <Table<DeliveryView>
        rowKey="id"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching && !data}
        scroll={{ x: 1200 }}
        locale={{ emptyText: t("delivery.empty") }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t("common:table.total", { total }),
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
      />
    </>
  );
};
