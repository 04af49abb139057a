import { DatePicker, Flex, Select, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../../../common/audit.schema";
import { type SubjectType, subjectTypes } from "../../../../common/enums";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { SearchBox } from "../../../components/SearchBox";
import { usePermission } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { formatDateTimeSec } from "../../../lib/format";
import { useListState } from "../../../lib/list-state";
import { useAuditEntries, useExportAudit } from "../api/audit.api";
import { ActionTag } from "./ActionTag";
import { AuditDiff } from "./AuditDiff";
import { subjectName } from "./diff";

const filterKeys = ["subjectType", "action", "actorId", "from", "to"] as const;

/** Actions the server writes today; the filter matches one exactly. */
const knownActions = [
  "create",
  "update",
  "delete",
  "login",
  "login_failed",
  "lockout",
  "logout",
  "change_password",
  "reset_password",
  "unlock",
  "export",
  "download",
  "upload",
  "demo_load",
] as const;

export const AuditListPage = () => {
  const { t } = useTranslation("audit");
  const { UserPicker } = useExtensions();
  // The picker lists users (GET /api/users), which needs user.manage; others would get 403 and an empty list.
  const canPickUser = usePermission("user.manage");
  const list = useListState(filterKeys);
  // The log is ordered by time; newest first unless the reader flips it.
  const query = { ...list.query, sort: "at", order: list.query.order ?? ("desc" as const) };
  const { data, isFetching, error, refetch } = useAuditEntries(query);
  const exportAudit = useExportAudit();

  const columns: ColumnsType<AuditEntry> = [
    {
      title: t("list.at"),
      dataIndex: "at",
      key: "at",
      width: 180,
      sorter: true,
      sortOrder: query.order === "asc" ? "ascend" : "descend",
      sortDirections: ["descend", "ascend", "descend"],
      render: (v: string) => formatDateTimeSec(v),
    },
    {
      title: t("list.actor"),
      dataIndex: "actorName",
      key: "actorName",
      width: 140,
      render: (v: string | null) =>
        v ?? <Typography.Text type="secondary">{t("list.system")}</Typography.Text>,
    },
    {
      title: t("list.action"),
      dataIndex: "action",
      key: "action",
      width: 120,
      render: (v: string, e: { subjectType: string | null }) => (
        <ActionTag action={v} subjectType={e.subjectType} />
      ),
    },
    {
      title: t("list.subject"),
      key: "subject",
      render: (_, e) => (
        <Flex gap={6} align="center" wrap>
          <Tag>{t(`enums:subjectType.${e.subjectType}`, { defaultValue: e.subjectType })}</Tag>
          <span>{subjectName(e.before, e.after, e.meta) ?? ""}</span>
        </Flex>
      ),
    },
    {
      title: t("list.seq"),
      key: "seq",
      width: 100,
      // The chain key is a region id: useful to an auditor, noise to everyone else.
      render: (_, e) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} title={`${t("list.chain")} ${e.chainKey}`}>
          #{e.seq}
        </Typography.Text>
      ),
    },
  ];

  const range: [dayjs.Dayjs, dayjs.Dayjs] | null =
    list.query.from && list.query.to ? [dayjs(list.query.from), dayjs(list.query.to)] : null;

  return (
    <>
      <PageHeader
        title={t("list.title")}
        sub={t("list.sub")}
        extra={<ExportButton mutation={exportAudit} params={query} />}
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <SearchBox
          value={list.query.q}
          onSearch={(q) => list.update({ q })}
          placeholder={t("list.searchPh")}
          width={220}
        />
        <Select<SubjectType>
          value={(list.query.subjectType as SubjectType | undefined) ?? undefined}
          onChange={(subjectType) => list.update({ subjectType })}
          allowClear
          placeholder={t("list.subjectTypeAll")}
          options={subjectTypes.map((s) => ({ value: s, label: t(`enums:subjectType.${s}`) }))}
          style={{ width: 160 }}
        />
        <Select<string>
          value={list.query.action ?? undefined}
          onChange={(action) => list.update({ action })}
          allowClear
          placeholder={t("list.actionAll")}
          options={knownActions.map((a) => ({ value: a, label: t(`action.${a}`) }))}
          style={{ width: 150 }}
        />
        {canPickUser ? (
          <UserPicker
            value={list.query.actorId ?? null}
            onChange={(actorId) => list.update({ actorId })}
            placeholder={t("list.actorAll")}
            style={{ width: 200 }}
          />
        ) : null}
        <DatePicker.RangePicker
          value={range}
          onChange={(v) =>
            list.update({ from: v?.[0]?.format("YYYY-MM-DD"), to: v?.[1]?.format("YYYY-MM-DD") })
          }
          placeholder={[t("list.from"), t("list.to")]}
        />
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<AuditEntry>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={t("list.empty")}
        expandable={{
          expandedRowRender: (e) => <AuditDiff entry={e} />,
          rowExpandable: (e) => e.before !== null || e.after !== null || e.meta !== null,
        }}
      />
    </>
  );
};
