import { Button, Flex, Select, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { RewardRow } from "../../../../common/talent.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { SearchBox } from "../../../components/SearchBox";
import { useExtensions } from "../../../lib/extensions";
import { formatWan } from "../../../lib/format";
import { useListState } from "../../../lib/list-state";
import { useExport, useRewards, useRounds } from "../api/talent.api";

const filterKeys = ["state", "parkId", "roundId"] as const;

/** 奖励兑现台账: every instalment of the recognised projects in scope. */
export const RewardsPage = () => {
  const { t } = useTranslation("talent");
  const navigate = useNavigate();
  const { ParkPicker } = useExtensions();
  const list = useListState(filterKeys);
  const { data, isFetching, error, refetch } = useRewards(list.query);
  const rounds = useRounds({ pageSize: 100 });
  const exportList = useExport("/talent-rewards", "人才奖励兑现台账.xlsx");
  const sorter = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  const columns: ColumnsType<RewardRow> = [
    {
      title: t("field.projectName"),
      dataIndex: "projectName",
      ...sorter("projectName"),
      render: (v: string, r) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => navigate(`/talent/projects/${r.projectId}`)}
        >
          {v}
        </Button>
      ),
    },
    { title: t("field.talent"), dataIndex: "talentName" },
    { title: t("field.park"), dataIndex: "parkName" },
    { title: t("field.levelRecognised"), dataIndex: "level", render: (v) => v ?? "—" },
    { title: t("field.seq"), dataIndex: "seq" },
    { title: t("field.condition"), dataIndex: "condition" },
    { title: t("field.dueOn"), dataIndex: "dueOn", ...sorter("dueOn"), render: (v) => v ?? "—" },
    {
      title: t("field.conditionMet"),
      dataIndex: "conditionMet",
      render: (v: boolean) => (v ? <Tag color="success">是</Tag> : <Tag>否</Tag>),
    },
    {
      title: t("field.amount"),
      dataIndex: "amountFen",
      ...sorter("amountFen"),
      align: "right",
      render: (v: number) => formatWan(v),
    },
    { title: t("field.paid"), dataIndex: "paidFen", align: "right", render: (v: number) => formatWan(v) },
  ];
  return (
    <>
      <PageHeader
        title={t("rewards.title")}
        sub={t("rewards.sub")}
        extra={<ExportButton mutation={exportList} params={list.query} />}
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <SearchBox
          value={list.query.q}
          onSearch={(q) => list.update({ q })}
          placeholder={t("rewards.searchPh")}
          width={220}
        />
        <Select<string>
          value={list.query.state}
          onChange={(state) => list.update({ state })}
          allowClear
          aria-label={t("field.status")}
          placeholder={t("rewards.stateAll")}
          options={[
            { value: "unmet", label: t("rewards.unmet") },
            { value: "payable", label: t("rewards.payable") },
            { value: "paid", label: t("rewards.paidAll") },
          ]}
          style={{ width: 140 }}
        />
        <Select<string>
          value={list.query.roundId}
          onChange={(roundId) => list.update({ roundId })}
          allowClear
          aria-label={t("field.round")}
          placeholder={t("projects.roundAll")}
          options={rounds.data?.items.map((r) => ({ value: r.id, label: `${r.programmeName} · ${r.name}` }))}
          style={{ width: 220 }}
        />
        <ParkPicker
          value={list.query.parkId ?? null}
          onChange={(parkId) => list.update({ parkId: parkId ?? undefined })}
          allowClear
          placeholder={t("talents.parkAll")}
          style={{ width: 220 }}
        />
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<RewardRow>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={t("rewards.empty")}
        scrollX={1200}
      />
    </>
  );
};
