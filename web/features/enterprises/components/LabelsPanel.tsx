import { PlusOutlined } from "@ant-design/icons";
import { Button, DatePicker, Empty, Flex, Form, Input, Modal, Popconfirm, Select, Table, Tag } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type EnterpriseLabelRow, labelCreate } from "../../../../common/enterprise.schema";
import { type EnterpriseLabel, enterpriseLabels } from "../../../../common/enums";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import type { FieldIssue } from "../../../lib/api";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { formatDate } from "../../../lib/format";
import { applyServerErrors, zodRule } from "../../../lib/forms";
import { useAddLabel, useEnterpriseLabels, useRemoveLabel } from "../api/labels.api";
import { enterConfirmsDate } from "./dateKeys";
import { labelColor } from "./LabelTags";

type LabelState = "current" | "expired" | "pending";

const stateOf = (l: EnterpriseLabelRow): LabelState => {
  if (l.current) return "current";
  return l.validFrom && l.validFrom > dayjs().format("YYYY-MM-DD") ? "pending" : "expired";
};
const stateColor: Record<LabelState, string> = { current: "green", expired: "default", pending: "orange" };

interface Values {
  label: EnterpriseLabel | null;
  source: string;
  validFrom: Dayjs | null;
  validTo: Dayjs | null;
}

const LabelDialog = ({ enterpriseId, onClose }: { enterpriseId: string; onClose: () => void }) => {
  const { t } = useTranslation("enterprises");
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const add = useAddLabel(enterpriseId);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    try {
      await add.mutateAsync({
        label: v.label ?? "tech_sme",
        source: v.source.trim() || null,
        validFrom: v.validFrom?.format("YYYY-MM-DD") ?? null,
        validTo: v.validTo?.format("YYYY-MM-DD") ?? null,
      });
      feedback.success(t("labels.added", { label: t(`enums:enterpriseLabel.${v.label}`) }));
      onClose();
    } catch (e) {
      setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };

  return (
    <Modal
      open
      title={t("labels.add")}
      onCancel={onClose}
      okText={t("common:action.save")}
      cancelText={t("common:action.cancel")}
      okButtonProps={{ htmlType: "submit", autoFocus: false, loading: add.isPending }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ label: null, source: "", validFrom: null, validTo: null }}
          onFinish={onFinish}
          clearOnDestroy
        >
          {dom}
        </Form>
      )}
    >
      <ApiErrorAlert error={error} extraIssues={extra} />
      <Form.Item
        name="label"
        label={t("labels.label")}
        required
        rules={[zodRule(labelCreate.shape.label, "null")]}
      >
        <Select<EnterpriseLabel>
          autoFocus
          showSearch={{ optionFilterProp: "label" }}
          options={enterpriseLabels.map((l) => ({ value: l, label: t(`enums:enterpriseLabel.${l}`) }))}
        />
      </Form.Item>
      <Form.Item name="source" label={t("labels.source")} rules={[zodRule(labelCreate.shape.source)]}>
        <Input placeholder={t("labels.sourcePh")} maxLength={100} />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item name="validFrom" label={t("labels.validFrom")} style={{ flex: 1 }}>
          <DatePicker style={{ width: "100%" }} onKeyDown={enterConfirmsDate} />
        </Form.Item>
        <Form.Item
          name="validTo"
          label={t("labels.validTo")}
          style={{ flex: 1 }}
          dependencies={["validFrom"]}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_r, v: Dayjs | null) => {
                const from = getFieldValue("validFrom") as Dayjs | null;
                if (v && from && v.isBefore(from, "day")) throw new Error(t("labels.toBeforeFrom"));
              },
            }),
          ]}
        >
          <DatePicker style={{ width: "100%" }} onKeyDown={enterConfirmsDate} />
        </Form.Item>
      </Flex>
    </Modal>
  );
};

/** 标签: every label the firm has held, current or not, with where it came from and how long it holds. */
export const LabelsPanel = ({ enterpriseId }: { enterpriseId: string }) => {
  const { t } = useTranslation("enterprises");
  const feedback = useFeedback();
  const canWrite = usePermission("enterprise.write");
  const { data, isLoading, error, refetch } = useEnterpriseLabels(enterpriseId);
  const remove = useRemoveLabel(enterpriseId);
  const [adding, setAdding] = useState(false);
  const name = (l: EnterpriseLabel) => t(`enums:enterpriseLabel.${l}`);

  const onRemove = (row: EnterpriseLabelRow) =>
    remove
      .mutateAsync(row.id)
      .then(() => feedback.success(t("labels.removed", { label: name(row.label) })), feedback.error);

  const addButton = canWrite ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
      {t("labels.add")}
    </Button>
  ) : null;

  return (
    <>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      {(data?.length ?? 0) > 0 && addButton && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          {addButton}
        </Flex>
      )}
      <Table<EnterpriseLabelRow>
        rowKey="id"
        size="middle"
        loading={isLoading}
        dataSource={data}
        pagination={false}
        locale={{
          emptyText: isLoading ? (
            " "
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("labels.emptyHint")}>
              {addButton}
            </Empty>
          ),
        }}
        columns={[
          {
            title: t("labels.label"),
            dataIndex: "label",
            width: 200,
            render: (l: EnterpriseLabel) => <Tag color={labelColor(l)}>{name(l)}</Tag>,
          },
          { title: t("labels.source"), dataIndex: "source", render: (v: string | null) => v ?? "—" },
          {
            title: t("labels.validity"),
            key: "validity",
            width: 240,
            render: (_, l) =>
              l.validFrom || l.validTo
                ? `${formatDate(l.validFrom) || "…"} ~ ${formatDate(l.validTo) || t("labels.open")}`
                : t("labels.open"),
          },
          {
            title: t("labels.state"),
            key: "state",
            width: 100,
            render: (_, l) => {
              const s = stateOf(l);
              return <Tag color={stateColor[s]}>{t(`labels.${s}`)}</Tag>;
            },
          },
          ...(canWrite
            ? [
                {
                  title: t("common:action.actions"),
                  key: "actions",
                  width: 90,
                  render: (_: unknown, l: EnterpriseLabelRow) => (
                    <Popconfirm
                      title={t("labels.removeConfirm", { label: name(l.label) })}
                      description={t("common:confirm.deleteHint")}
                      okText={t("common:action.delete")}
                      okButtonProps={{ danger: true }}
                      cancelText={t("common:action.cancel")}
                      onConfirm={() => onRemove(l)}
                    >
                      <Button type="link" size="small" danger>
                        {t("common:action.delete")}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <LabelDialog enterpriseId={enterpriseId} onClose={() => setAdding(false)} />}
    </>
  );
};
