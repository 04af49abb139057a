import { PlusOutlined } from "@ant-design/icons";
import { Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ChainMap, type LinkRow, segments } from "../../../../common/chain.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { useFeedback } from "../../../lib/feedback";
import { useCreateLink, useDeleteLink, useUpdateLink } from "../api/chains.api";
import { strengthColors } from "../charts/map.chart";

interface LinkValues {
  name: string;
  segment: LinkRow["segment"];
  parentIds: string[];
  order?: number;
  note?: string | null;
}

/** 环节管理: links with their parents; a move that would close a cycle is refused by the server. */
export const LinksTab = ({
  map,
  canManage,
  onOpen,
}: {
  map: ChainMap;
  canManage: boolean;
  onOpen: (id: string) => void;
}) => {
  const { t } = useTranslation("chains");
  const feedback = useFeedback();
  const create = useCreateLink();
  const update = useUpdateLink();
  const remove = useDeleteLink();
  const [editing, setEditing] = useState<LinkRow | "new" | null>(null);
  const [form] = Form.useForm<LinkValues>();
  const names = new Map(map.links.map((l) => [l.id, l.name]));
  const save = (v: LinkValues) => {
    const done = {
      onSuccess: () => {
        feedback.success(t("link.saved"));
        setEditing(null);
      },
    };
    if (editing === "new") create.mutate({ chainId: map.chain.id, body: v }, done);
    else if (editing) update.mutate({ id: editing.id, body: { ...v, version: editing.version } }, done);
  };
  const open = (l: LinkRow | "new") => {
    setEditing(l);
    form.setFieldsValue(
      l === "new"
        ? { name: "", segment: "midstream", parentIds: [], order: map.links.length }
        : { name: l.name, segment: l.segment, parentIds: l.parentIds, order: l.order, note: l.note },
    );
  };
  const error = editing === "new" ? create.error : update.error;
  return (
    <>
      {canManage && (
        <div style={{ textAlign: "right", marginBottom: 8 }}>
          <Button icon={<PlusOutlined />} onClick={() => open("new")}>
            {t("link.add")}
          </Button>
        </div>
      )}
      <Table<LinkRow>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={map.links}
        columns={[
          {
            title: t("col.link"),
            key: "name",
            render: (_, l) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(l.id)}>
                {l.name}
              </Button>
            ),
          },
          { title: t("col.segment"), key: "segment", width: 80, render: (_, l) => t(`seg.${l.segment}`) },
          {
            title: t("link.parents"),
            key: "parents",
            render: (_, l) => l.parentIds.map((p) => names.get(p)).join("、"),
          },
          {
            title: t("col.strength"),
            key: "strength",
            width: 80,
            render: (_, l) => <Tag color={strengthColors[l.strength]}>{t(`strength.${l.strength}`)}</Tag>,
          },
          { title: t("col.firms"), dataIndex: "firmCount", width: 70 },
          { title: t("col.projects"), dataIndex: "projectCount", width: 70 },
          { title: t("col.prospects"), dataIndex: "prospectCount", width: 90 },
          ...(canManage
            ? [
                {
                  title: "",
                  key: "act",
                  width: 130,
                  render: (_: unknown, l: LinkRow) => (
                    <>
                      <Button type="link" size="small" onClick={() => open(l)}>
                        {t("link.edit")}
                      </Button>
                      <Popconfirm
                        title={t("link.deleteConfirm")}
                        onConfirm={() =>
                          remove.mutate({ id: l.id, version: l.version }, { onError: feedback.error })
                        }
                      >
                        <Button type="link" size="small" danger>
                          {t("chain.delete")}
                        </Button>
                      </Popconfirm>
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === "new" ? t("link.add") : t("link.edit")}
        onCancel={() => setEditing(null)}
        onOk={() => void form.validateFields().then(save)}
        okButtonProps={{ loading: create.isPending || update.isPending }}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t("link.name")} rules={[{ required: true, max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="segment" label={t("link.segment")} rules={[{ required: true }]}>
            <Select options={segments.map((s) => ({ value: s, label: t(`seg.${s}`) }))} />
          </Form.Item>
          <Form.Item name="parentIds" label={t("link.parents")}>
            <Select
              mode="multiple"
              options={map.links
                .filter((l) => editing === "new" || l.id !== editing?.id)
                .map((l) => ({ value: l.id, label: l.name }))}
            />
          </Form.Item>
          <Form.Item name="order" label={t("link.order")}>
            <InputNumber min={0} max={10000} />
          </Form.Item>
          <Form.Item name="note" label={t("link.note")}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
        <ApiErrorAlert error={error} />
      </Modal>
    </>
  );
};
