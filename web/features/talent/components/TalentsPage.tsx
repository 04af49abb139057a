import { PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Select, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { educations, type TalentRow } from "../../../../common/talent.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { RecordDrawer } from "../../../components/RecordDrawer";
import { SearchBox } from "../../../components/SearchBox";
import { usePermission } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { useListState } from "../../../lib/list-state";
import { useExport, useTalents } from "../api/talent.api";
import { TalentDrawer } from "./TalentDrawer";
import { TalentForm } from "./TalentForm";

const filterKeys = ["parkId", "education"] as const;

/** 人才库: people in scope; contact fields come masked from the server for readers without the right. */
export const TalentsPage = () => {
  const { t } = useTranslation("talent");
  const feedback = useFeedback();
  const { ParkPicker } = useExtensions();
  const canManage = usePermission("talent.manage");
  const list = useListState(filterKeys);
  const { data, isFetching, error, refetch } = useTalents(list.query);
  const exportList = useExport("/talents", "人才库.xlsx");
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const sorter = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  const columns: ColumnsType<TalentRow> = [
    {
      title: t("field.name"),
      dataIndex: "name",
      ...sorter("name"),
      render: (v: string, r) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(r.id)}>
          {v}
        </Button>
      ),
    },
    { title: t("field.gender"), dataIndex: "gender", render: (g: string) => t(`gender.${g}`) },
    { title: t("field.birthYear"), dataIndex: "birthYear", ...sorter("birthYear"), render: (v) => v ?? "—" },
    {
      title: t("field.education"),
      dataIndex: "education",
      render: (e: string | null) => (e ? t(`education.${e}`) : "—"),
    },
    { title: t("field.title"), dataIndex: "title", render: (v) => v ?? "—" },
    { title: t("field.field"), dataIndex: "field", render: (v) => v ?? "—" },
    { title: t("field.enterprise"), dataIndex: "enterpriseName", render: (v) => v ?? "—" },
    { title: t("field.park"), dataIndex: "parkName", ...sorter("parkName") },
    {
      title: t("field.phone"),
      dataIndex: "phone",
      render: (v: string | null, r) => (
        <span title={r.masked ? t("talents.masked") : undefined}>
          {v ?? "—"} {r.masked && v ? <Tag>{t("talents.masked")}</Tag> : null}
        </span>
      ),
    },
  ];
  const createButton = canManage ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t("talents.create")}
    </Button>
  ) : undefined;
  return (
    <>
      <PageHeader
        title={t("talents.title")}
        sub={t("talents.sub")}
        extra={
          <>
            <ExportButton mutation={exportList} params={list.query} />
            {createButton}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <SearchBox
          value={list.query.q}
          onSearch={(q) => list.update({ q })}
          placeholder={t("talents.searchPh")}
          width={240}
        />
        <ParkPicker
          value={list.query.parkId ?? null}
          onChange={(parkId) => list.update({ parkId: parkId ?? undefined })}
          allowClear
          placeholder={t("talents.parkAll")}
          style={{ width: 220 }}
        />
        <Select<string>
          value={list.query.education}
          onChange={(education) => list.update({ education })}
          allowClear
          aria-label={t("field.education")}
          placeholder={t("talents.educationAll")}
          options={educations.map((e) => ({ value: e, label: t(`education.${e}`) }))}
          style={{ width: 140 }}
        />
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<TalentRow>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={canManage ? t("talents.emptyHint") : t("talents.empty")}
        emptyAction={createButton}
        scrollX={1200}
      />
      <RecordDrawer
        open={creating}
        title={t("talents.create")}
        onClose={() => setCreating(false)}
        subjectType="talent"
        subjectId={null}
        size={720}
      >
        <TalentForm
          record={null}
          onCancel={() => setCreating(false)}
          onReload={() => undefined}
          onDone={(saved) => {
            feedback.success(t("talents.created", { name: saved.name }));
            setCreating(false);
            setOpen(saved.id);
          }}
        />
      </RecordDrawer>
      <TalentDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
};
