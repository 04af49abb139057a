import { PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Form, Input, Popconfirm, Select, Space, Switch, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  bulletinCadenceLabels,
  bulletinCadences,
  type ScheduleCreate,
  type ScheduleRow,
} from "../../../../common/bulletin.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { RecordDrawer } from "../../../components/RecordDrawer";
import { SearchBox } from "../../../components/SearchBox";
import { usePermission } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { useListState } from "../../../lib/list-state";
import {
  useDeleteSchedule,
  useExportSchedules,
  useSaveSchedule,
  useSchedules,
  useSchemeOptions,
} from "../api/bulletins.api";
import { GenerateModal } from "./GenerateModal";

const filters = ["cadence"] as const;
type Editing = { row: ScheduleRow | null; trail: boolean } | null;

/** 通报计划: templates on a cadence (issuer, number prefix, scheme, recipients). */
export const SchedulesPanel = () => {
  const { t } = useTranslation("bulletins");
  const feedback = useFeedback();
  const list = useListState(filters);
  const page = useSchedules(list.query);
  const exporter = useExportSchedules();
  const remove = useDeleteSchedule();
  const canManage = usePermission("bulletin.manage");
  const canGenerate = usePermission("bulletin.generate");
  const [editing, setEditing] = useState<Editing>(null);
  const [generateFor, setGenerateFor] = useState<ScheduleRow | null>(null);
  const columns: ColumnsType<ScheduleRow> = [
    {
      title: t("schedules.name"),
      dataIndex: "name",
      key: "name",
      width: 220,
      sorter: true,
      sortOrder: list.sortOrderOf("name"),
    },
    {
      title: t("schedules.cadence"),
      key: "cadence",
      width: 90,
      render: (_, s) => bulletinCadenceLabels[s.cadence],
    },
    { title: t("schedules.issuer"), dataIndex: "issuer", key: "issuer", width: 220 },
    { title: t("schedules.docPrefix"), dataIndex: "docPrefix", key: "docPrefix", width: 120 },
    {
      title: t("schedules.scheme"),
      key: "scheme",
      width: 200,
      render: (_, s) => s.schemeName ?? t("schedules.noScheme"),
    },
    {
      title: t("schedules.recipients"),
      key: "recipients",
      width: 220,
      render: (_, s) => s.recipients.join("、"),
    },
    {
      title: t("schedules.active"),
      key: "active",
      width: 90,
      render: (_, s) =>
        s.active ? <Tag color="green">{t("schedules.yes")}</Tag> : <Tag>{t("schedules.no")}</Tag>,
    },
    {
      title: t("schedules.last"),
      key: "last",
      width: 190,
      render: (_, s) => s.lastBulletin?.docNo ?? t("schedules.none"),
    },
    {
      title: "",
      key: "actions",
      fixed: "right",
      width: 220,
      render: (_, s) => (
        <Space>
          {canGenerate && (
            <Typography.Link onClick={() => setGenerateFor(s)}>{t("archive.generate")}</Typography.Link>
          )}
          <Typography.Link onClick={() => setEditing({ row: s, trail: false })}>
            {canManage ? t("schedules.edit") : t("archive.trail")}
          </Typography.Link>
          {canManage && (
            <Popconfirm
              title={t("schedules.confirmDelete", { name: s.name })}
              onConfirm={() =>
                remove.mutate(
                  { id: s.id, version: s.version },
                  { onSuccess: () => feedback.success(t("schedules.deleted")), onError: feedback.error },
                )
              }
            >
              <Typography.Link type="danger">{t("schedules.delete")}</Typography.Link>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
  const add = canManage && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ row: null, trail: false })}>
      {t("schedules.add")}
    </Button>
  );
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <SearchBox
          value={list.query.q}
          onSearch={(q) => list.update({ q })}
          placeholder={t("schedules.name")}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t("schedules.allCadences")}
          value={list.query.cadence}
          onChange={(v) => list.update({ cadence: v })}
          options={bulletinCadences.map((c) => ({ value: c, label: bulletinCadenceLabels[c] }))}
        />
        <ExportButton mutation={exporter} params={list.query} />
        {add}
      </Flex>
      <ApiErrorAlert error={page.error} onRetry={() => void page.refetch()} />
      <ListTable<ScheduleRow>
        columns={columns}
        page={page.data}
        loading={page.isFetching}
        list={list}
        emptyText={t("schedules.empty")}
        emptyAction={add}
        scrollX={1500}
      />
      <RecordDrawer
        open={Boolean(editing)}
        title={editing?.row?.name ?? t("schedules.add")}
        onClose={() => setEditing(null)}
        subjectType="bulletin_schedule"
        subjectId={editing?.row?.id ?? null}
        startOnTrail={editing?.trail}
        size={720}
      >
        {editing && <ScheduleForm row={editing.row} readOnly={!canManage} onDone={() => setEditing(null)} />}
      </RecordDrawer>
      {generateFor && (
        <GenerateModal
          initialSchedule={generateFor}
          onClose={() => setGenerateFor(null)}
          onDone={(row) => {
            setGenerateFor(null);
            feedback.success(t("generate.done", { docNo: row.docNo }));
          }}
        />
      )}
    </>
  );
};

const ScheduleForm = ({
  row,
  readOnly,
  onDone,
}: {
  row: ScheduleRow | null;
  readOnly: boolean;
  onDone: () => void;
}) => {
  const { t } = useTranslation("bulletins");
  const feedback = useFeedback();
  const { RegionPicker } = useExtensions();
  const [form] = Form.useForm<ScheduleCreate>();
  const save = useSaveSchedule();
  const schemes = useSchemeOptions();
  const initial: Partial<ScheduleCreate> = row
    ? {
        regionId: row.regionId,
        name: row.name,
        cadence: row.cadence,
        issuer: row.issuer,
        docPrefix: row.docPrefix,
        schemeId: row.schemeId,
        recipients: row.recipients,
        copyTo: row.copyTo,
        active: row.active,
        note: row.note,
      }
    : { cadence: "month", active: true, recipients: [], copyTo: [], schemeId: null };
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={readOnly}
      initialValues={initial}
      onFinish={(v) =>
        save.mutate(
          { id: row?.id, body: row ? { ...v, version: row.version } : v },
          {
            onSuccess: () => {
              feedback.success(t("schedules.saved"));
              onDone();
            },
          },
        )
      }
    >
      <Form.Item
        name="name"
        label={t("schedules.name")}
        extra={t("schedules.nameHint")}
        rules={[{ required: true, min: 2, message: "通报名称至少 2 个字" }]}
      >
        <Input maxLength={40} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="cadence" label={t("schedules.cadence")} style={{ width: 160 }}>
          <Select options={bulletinCadences.map((c) => ({ value: c, label: bulletinCadenceLabels[c] }))} />
        </Form.Item>
        <Form.Item
          name="regionId"
          label={t("schedules.region")}
          style={{ flex: 1 }}
          rules={[{ required: true, message: "请选择行政区" }]}
        >
          <RegionPicker />
        </Form.Item>
      </Flex>
      <Form.Item
        name="issuer"
        label={t("schedules.issuer")}
        rules={[{ required: true, min: 2, message: "请填写发文机关" }]}
      >
        <Input maxLength={40} placeholder="丽水经济技术开发区管理委员会" />
      </Form.Item>
      <Form.Item
        name="docPrefix"
        label={t("schedules.docPrefix")}
        extra={t("schedules.docPrefixHint")}
        rules={[{ required: true, min: 2, message: "请填写机关代字" }]}
      >
        <Input maxLength={12} placeholder="开发区招商" />
      </Form.Item>
      <Form.Item name="schemeId" label={t("schedules.scheme")}>
        <Select
          allowClear
          placeholder={t("schedules.noScheme")}
          options={(schemes.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          onClear={() => form.setFieldValue("schemeId", null)}
        />
      </Form.Item>
      <Form.Item
        name="recipients"
        label={t("schedules.recipients")}
        extra={t("schedules.tagsHint")}
        rules={[{ required: true, message: "请填写至少一个主送单位" }]}
      >
        <Select mode="tags" open={false} tokenSeparators={["、", "，", ","]} />
      </Form.Item>
      <Form.Item name="copyTo" label={t("schedules.copyTo")} extra={t("schedules.tagsHint")}>
        <Select mode="tags" open={false} tokenSeparators={["、", "，", ","]} />
      </Form.Item>
      <Form.Item
        name="active"
        label={t("schedules.active")}
        extra={t("schedules.activeHint")}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <Form.Item name="note" label={t("schedules.note")}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <ApiErrorAlert error={save.error} />
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t("schedules.save")}
        </Button>
      )}
    </Form>
  );
};
