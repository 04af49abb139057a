import { Card, Flex, Select, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Coverage, UnvisitedRow } from "../../../../common/visit.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { SearchBox } from "../../../components/SearchBox";
import { formatDate } from "../../../lib/format";
import type { ListState } from "../../../lib/list-state";
import { useExportUnvisited, useUnvisited } from "../api/plans.api";

export const unvisitedFilterKeys = ["specialistId", "parkId"] as const;
export type UnvisitedFilterKey = (typeof unvisitedFilterKeys)[number];

interface Props {
  planId: string;
  period: string | undefined;
  coverage: Coverage | undefined;
  list: ListState<UnvisitedFilterKey>;
}

/** 未走访企业: the population's firms with no visit in the period, by specialist and park. */
export const UnvisitedList = ({ planId, period, coverage, list }: Props) => {
  const { t } = useTranslation("visits");
  const { page, pageSize, specialistId, parkId, q, sort, order } = list.query;
  const query = { period, specialistId, parkId, q, sort, order, page, pageSize };
  const { data, isFetching, error, refetch } = useUnvisited(planId, query);
  const exportList = useExportUnvisited(planId);
  const columns: ColumnsType<UnvisitedRow> = [
    {
      title: t("field.enterprise"),
      dataIndex: "name",
      key: "name",
      sorter: true,
      sortOrder: list.sortOrderOf("name"),
      render: (v: string, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{v}</Link>,
    },
    {
      title: t("coverage.uscc"),
      dataIndex: "uscc",
      width: 200,
      render: (v: string | null) =>
        v ?? <Typography.Text type="secondary">{t("coverage.noUscc")}</Typography.Text>,
    },
    { title: t("coverage.park"), dataIndex: "parkName", width: 160, render: (v: string | null) => v ?? "—" },
    {
      title: t("coverage.specialist"),
      dataIndex: "specialistName",
      width: 120,
      render: (v: string | null) =>
        v ?? <Typography.Text type="warning">{t("coverage.noSpecialist")}</Typography.Text>,
    },
    {
      title: t("coverage.lastVisited"),
      dataIndex: "lastVisitedOn",
      key: "lastVisitedOn",
      width: 130,
      sorter: true,
      sortOrder: list.sortOrderOf("lastVisitedOn"),
      render: (v: string | null) =>
        v ? formatDate(v) : <Typography.Text type="secondary">{t("coverage.never")}</Typography.Text>,
    },
  ];
  const named = (groups: Coverage["bySpecialist"] | undefined) =>
    (groups ?? []).flatMap((g) => (g.id ? [{ value: g.id, label: g.name }] : []));

  return (
    <Card
      data-testid="unvisited"
      title={t("coverage.unvisitedTitle", { n: data?.total ?? "…" })}
      extra={<ExportButton mutation={exportList} params={query} />}
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <SearchBox
          value={q}
          onSearch={(text) => list.update({ q: text })}
          placeholder={t("coverage.searchPh")}
          width={220}
        />
        <Select<string>
          value={specialistId}
          onChange={(v) => list.update({ specialistId: v })}
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("coverage.specialistAll")}
          aria-label={t("coverage.specialist")}
          options={named(coverage?.bySpecialist)}
          style={{ width: 180 }}
        />
        <Select<string>
          value={parkId}
          onChange={(v) => list.update({ parkId: v })}
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("coverage.parkAll")}
          aria-label={t("coverage.park")}
          options={named(coverage?.byPark)}
          style={{ width: 200 }}
        />
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<UnvisitedRow>
        rowKey="enterpriseId"
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={t("coverage.allVisited")}
        scrollX={760}
      />
    </Card>
  );
};
