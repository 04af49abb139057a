import { PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Popconfirm, Select, Table, Tabs, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProgrammeRow, RoundRow } from "../../../../common/talent.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { RecordDrawer } from "../../../components/RecordDrawer";
import { SearchBox } from "../../../components/SearchBox";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { formatWan } from "../../../lib/format";
import { useListState } from "../../../lib/list-state";
import { useExport, useProgrammes, useRemove, useRounds } from "../api/talent.api";
import { ProgrammeForm } from "./ProgrammeForm";
import { RoundForm } from "./RoundForm";

const filterKeys = ["programmeId", "open"] as const;
type Editing =
  | { kind: "round"; row: RoundRow | null }
  | { kind: "programme"; row: ProgrammeRow | null }
  | null;

/** 申报批次 and 人才计划: the calls in rounds, and the programmes' levels, caps and plans. */
export const RoundsPage = () => {
  const { t } = useTranslation("talent");
  const { t: tc } = useTranslation();
  const feedback = useFeedback();
  const canManage = usePermission("talent.manage");
  const list = useListState(filterKeys);
  const rounds = useRounds(list.query);
  const programmes = useProgrammes();
  const exportRounds = useExport("/talent-rounds", "申报批次.xlsx");
  const removeRound = useRemove("/talent-rounds");
  const [editing, setEditing] = useState<Editing>(null);
  const today = dayjs().format("YYYY-MM-DD");
  const sorter = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  const columns: ColumnsType<RoundRow> = [
    {
      title: t("rounds.rounds"),
      dataIndex: "name",
      ...sorter("name"),
      render: (v: string, r) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => setEditing({ kind: "round", row: r })}
        >
          {v}
        </Button>
      ),
    },
    { title: t("field.programme"), dataIndex: "programmeName" },
    { title: t("field.opensOn"), dataIndex: "opensOn", ...sorter("opensOn") },
    { title: t("field.closesOn"), dataIndex: "closesOn", ...sorter("closesOn") },
    {
      title: t("field.status"),
      key: "open",
      render: (_, r) =>
        r.opensOn <= today && today <= r.closesOn ? (
          <Tag color="success">{t("rounds.open")}</Tag>
        ) : (
          <Tag>{t("rounds.notOpen")}</Tag>
        ),
    },
    { title: t("field.projectCount"), dataIndex: "projectCount", align: "right" },
    {
      title: "",
      key: "del",
      render: (_, r) =>
        canManage && r.projectCount === 0 ? (
          <Popconfirm
            title={`${tc("action.delete")}「${r.name}」？`}
            onConfirm={() =>
              removeRound.mutate(r, {
                onSuccess: () => feedback.success(t("talents.deleted")),
                onError: feedback.error,
              })
            }
          >
            <Button size="small" danger type="link">
              {tc("action.delete")}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
  const programmeColumns: ColumnsType<ProgrammeRow> = [
    {
      title: t("field.programme"),
      dataIndex: "name",
      render: (v: string, r) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => setEditing({ kind: "programme", row: r })}
        >
          {v}
        </Button>
      ),
    },
    { title: t("field.region"), dataIndex: "regionName" },
    {
      title: t("field.levels"),
      key: "levels",
      render: (_, r) =>
        r.levels.map((l) => (
          <div key={l.code}>
            <Tag color="blue">{l.code}</Tag>
            {l.name} · {t("field.cap")} {formatWan(l.capFen)} ·{" "}
            {l.instalments.map((i) => `${i.percent}%（${i.condition}）`).join(" → ")}
          </div>
        )),
    },
  ];
  const close = () => setEditing(null);
  const done = (name: string) => {
    feedback.success(t("rounds.created", { name }));
    close();
  };
  return (
    <>
      <PageHeader
        title={t("rounds.title")}
        sub={t("rounds.sub")}
        extra={
          canManage && (
            <>
              <Button icon={<PlusOutlined />} onClick={() => setEditing({ kind: "programme", row: null })}>
                {t("rounds.createProgramme")}
              </Button>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ kind: "round", row: null })}
              >
                {t("rounds.createRound")}
              </Button>
            </>
          )
        }
      />
      <Tabs
        items={[
          {
            key: "rounds",
            label: t("rounds.rounds"),
            children: (
              <>
                <Flex gap={8} wrap style={{ marginBottom: 16 }}>
                  <SearchBox
                    value={list.query.q}
                    onSearch={(q) => list.update({ q })}
                    placeholder={t("rounds.rounds")}
                    width={200}
                  />
                  <Select<string>
                    value={list.query.programmeId}
                    onChange={(programmeId) => list.update({ programmeId })}
                    allowClear
                    aria-label={t("field.programme")}
                    placeholder={t("rounds.programmeAll")}
                    options={programmes.data?.items.map((p) => ({ value: p.id, label: p.name }))}
                    style={{ width: 200 }}
                  />
                  <Select<string>
                    value={list.query.open}
                    onChange={(open) => list.update({ open })}
                    allowClear
                    aria-label={t("field.status")}
                    placeholder={t("field.status")}
                    options={[
                      { value: "yes", label: t("rounds.openOnly") },
                      { value: "no", label: t("rounds.closed") },
                    ]}
                    style={{ width: 160 }}
                  />
                  <span style={{ flex: 1 }} />
                  <ExportButton mutation={exportRounds} params={list.query} />
                </Flex>
                <ApiErrorAlert error={rounds.error} onRetry={() => void rounds.refetch()} />
                <ListTable<RoundRow>
                  columns={columns}
                  page={rounds.data}
                  loading={rounds.isFetching}
                  list={list}
                  emptyText={t("rounds.empty")}
                />
              </>
            ),
          },
          {
            key: "programmes",
            label: t("rounds.programmes"),
            children: (
              <Table<ProgrammeRow>
                rowKey="id"
                columns={programmeColumns}
                dataSource={programmes.data?.items}
                loading={programmes.isFetching}
                pagination={false}
                locale={{ emptyText: t("rounds.emptyProgrammes") }}
              />
            ),
          },
        ]}
      />
      <RecordDrawer
        open={editing?.kind === "round"}
        title={editing?.row?.name ?? t("rounds.createRound")}
        onClose={close}
        subjectType="talent_round"
        subjectId={editing?.kind === "round" ? (editing.row?.id ?? null) : null}
      >
        {editing?.kind === "round" && (
          <RoundForm
            record={editing.row}
            onCancel={close}
            onReload={() => void rounds.refetch()}
            onDone={(s) => done(s.name)}
          />
        )}
      </RecordDrawer>
      <RecordDrawer
        open={editing?.kind === "programme"}
        title={editing?.row?.name ?? t("rounds.createProgramme")}
        onClose={close}
        subjectType="talent_programme"
        subjectId={editing?.kind === "programme" ? (editing.row?.id ?? null) : null}
        size={820}
      >
        {editing?.kind === "programme" && (
          <ProgrammeForm
            record={editing.row}
            onCancel={close}
            onReload={() => void programmes.refetch()}
            onDone={(s) => done(s.name)}
          />
        )}
      </RecordDrawer>
    </>
  );
};
