import { PlusOutlined } from "@ant-design/icons";
import { Button, Drawer, Flex, Select, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { type MeetingKind, type MeetingRow, meetingKinds } from "../../../../common/problem.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { SearchBox } from "../../../components/SearchBox";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { formatDate } from "../../../lib/format";
import { useListState } from "../../../lib/list-state";
import { useExportMeetings, useMeetings } from "../api/meetings.api";
import { MeetingForm } from "./MeetingForm";
import { kindColor } from "./ProblemBits";

const keys = ["kind"] as const;

/** 会议记录: 旬会办, 月督察 and other meetings, newest first; open one to record its decisions. */
export const MeetingsPage = () => {
  const { t } = useTranslation("problems");
  const feedback = useFeedback();
  const navigate = useNavigate();
  const canWrite = usePermission("meeting.write");
  const list = useListState(keys);
  const { data, isFetching, error, refetch } = useMeetings(list.query);
  const exportList = useExportMeetings();
  const [creating, setCreating] = useState(false);

  const columns: ColumnsType<MeetingRow> = [
    {
      title: t("meeting.heldOn"),
      dataIndex: "heldOn",
      key: "heldOn",
      width: 120,
      sorter: true,
      sortOrder: list.sortOrderOf("heldOn"),
      render: (v: string) => formatDate(v),
    },
    {
      title: t("meeting.kindLabel"),
      dataIndex: "kind",
      width: 100,
      render: (k: MeetingKind) => <Tag color={kindColor[k]}>{t(`meeting.kind.${k}`)}</Tag>,
    },
    {
      title: t("meeting.name"),
      dataIndex: "title",
      key: "title",
      sorter: true,
      sortOrder: list.sortOrderOf("title"),
      render: (v: string, m) => <Link to={`/meetings/${m.id}`}>{v}</Link>,
    },
    { title: t("meeting.chairedBy"), dataIndex: "chairedBy", width: 120 },
    { title: t("meeting.itemCount"), dataIndex: "itemCount", width: 110, align: "right" },
    { title: t("meeting.region"), dataIndex: "regionName", width: 200 },
  ];

  const createButton = canWrite ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t("meeting.create")}
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader
        title={t("meeting.title")}
        sub={t("meeting.sub")}
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
          placeholder={t("meeting.searchPh")}
        />
        <Select<MeetingKind>
          value={(list.query.kind as MeetingKind | undefined) ?? undefined}
          onChange={(kind) => list.update({ kind })}
          allowClear
          placeholder={t("meeting.kindAll")}
          aria-label={t("meeting.kindLabel")}
          options={meetingKinds.map((k) => ({ value: k, label: t(`meeting.kind.${k}`) }))}
          style={{ width: 130 }}
        />
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<MeetingRow>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={canWrite ? t("meeting.emptyHint") : t("meeting.empty")}
        emptyAction={createButton}
        scrollX={900}
      />
      <Drawer
        open={creating}
        title={t("meeting.create")}
        onClose={() => setCreating(false)}
        size={640}
        destroyOnHidden
      >
        <MeetingForm
          record={null}
          onCancel={() => setCreating(false)}
          onReload={() => undefined}
          onDone={(saved) => {
            feedback.success(t("meeting.created", { title: saved.title }));
            setCreating(false);
            navigate(`/meetings/${saved.id}`);
          }}
        />
      </Drawer>
    </>
  );
};
