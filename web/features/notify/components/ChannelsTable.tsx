import { PlusOutlined } from "@ant-design/icons";
import { Button, Drawer, Flex, Popconfirm, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChannelView } from "../../../../common/notify.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { useFeedback } from "../../../lib/feedback";
import { useChannels, useDeleteChannel, useTestChannel } from "../api/channels.api";
import { ChannelForm } from "./ChannelForm";

/** The channel list with add, edit, test send and delete. */
export const ChannelsTable = () => {
  const { t } = useTranslation("notify");
  const feedback = useFeedback();
  const { data, isLoading, error, refetch } = useChannels();
  const remove = useDeleteChannel();
  const test = useTestChannel();
  const [editing, setEditing] = useState<ChannelView | "new" | null>(null);

  const onTest = (c: ChannelView) =>
    test.mutate(c.id, {
      onSuccess: (r) =>
        r.ok
          ? feedback.success(t(c.kind === "email" ? "channel.testOkEmail" : "channel.testOk"))
          : feedback.error(new Error(t("channel.testFailed", { error: r.error }))),
      onError: feedback.error,
    });

  const columns: ColumnsType<ChannelView> = [
    {
      title: t("channel.name"),
      dataIndex: "name",
      key: "name",
      width: 180,
      render: (v: string, c) => <Typography.Link onClick={() => setEditing(c)}>{v}</Typography.Link>,
    },
    {
      title: t("channel.kind"),
      dataIndex: "kind",
      key: "kind",
      width: 140,
      render: (k: ChannelView["kind"]) => (
        <Tag color={k === "dingtalk" ? "blue" : k === "wecom" ? "green" : "gold"}>
          {t(`channelKind.${k}`)}
        </Tag>
      ),
    },
    {
      title: t("channel.urlColumn"),
      dataIndex: "url",
      key: "url",
      ellipsis: true,
      render: (v: string) => (
        <Typography.Text copyable={{ text: v }} style={{ fontFamily: "monospace", fontSize: 12 }}>
          {v}
        </Typography.Text>
      ),
    },
    {
      title: t("channel.secretColumn"),
      dataIndex: "secretMasked",
      key: "secret",
      width: 160,
      render: (v: string | null) =>
        v ? <Typography.Text code>{v}</Typography.Text> : t("channel.secretNone"),
    },
    {
      title: t("channel.kinds"),
      dataIndex: "kinds",
      key: "kinds",
      width: 180,
      render: (ks: string[]) =>
        ks.length === 0 ? (
          t("channel.kindsAll")
        ) : (
          <Flex gap={4} wrap>
            {ks.map((k) => (
              <Tag key={k}>{k}</Tag>
            ))}
          </Flex>
        ),
    },
    {
      title: t("channel.enabled"),
      dataIndex: "enabled",
      key: "enabled",
      width: 100,
      render: (on: boolean) => (
        <Tag color={on ? "success" : "default"}>{on ? t("channel.on") : t("channel.off")}</Tag>
      ),
    },
    {
      title: t("common:action.actions"),
      key: "actions",
      width: 220,
      fixed: "end",
      render: (_, c) => (
        <Space size={0} wrap>
          <Button
            type="link"
            size="small"
            loading={test.isPending && test.variables === c.id}
            onClick={() => onTest(c)}
          >
            {t("channel.test")}
          </Button>
          <Button type="link" size="small" onClick={() => setEditing(c)}>
            {t("common:action.edit")}
          </Button>
          <Popconfirm
            title={t("common:confirm.delete", { name: c.name })}
            description={t("common:confirm.deleteHint")}
            okText={t("common:action.delete")}
            okButtonProps={{ danger: true }}
            cancelText={t("common:action.cancel")}
            onConfirm={() =>
              remove
                .mutateAsync({ id: c.id, version: c.version })
                .then(() => feedback.success(t("channel.deleted")), feedback.error)
            }
          >
            <Button type="link" size="small" danger>
              {t("common:action.delete")}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const record = editing === "new" ? null : editing;
  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
          {t("channel.add")}
        </Button>
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <Table<ChannelView>
        rowKey="id"
        columns={columns}
        dataSource={data?.items}
        loading={isLoading}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t("channel.empty") }}
      />
      <Drawer
        open={editing !== null}
        title={record ? t("channel.editTitle") : t("channel.addTitle")}
        onClose={() => setEditing(null)}
        size={560}
        destroyOnHidden
      >
        {editing !== null && (
          <ChannelForm
            record={record}
            knownKinds={data?.kinds ?? []}
            onCancel={() => setEditing(null)}
            onDone={() => {
              feedback.success(t("channel.saved"));
              setEditing(null);
            }}
          />
        )}
      </Drawer>
    </>
  );
};
