import { BarChartOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Select, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { type FundRow, fundStatusColors, fundStatuses } from "../../../../common/fund.schema";
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
import { useExportFunds, useFunds } from "../api/funds.api";
import { FundForm } from "./FundForm";
import { leverageText, money } from "./inputs";

const filterKeys = ["parkId", "status"] as const;

/** 基金台账: every fund in scope, filtered, sorted and exported; a name opens the fund's page. */
export const FundsPage = () => {
  const { t } = useTranslation("funds");
  const feedback = useFeedback();
  const navigate = useNavigate();
  const { ParkPicker } = useExtensions();
  const canManage = usePermission("fund.manage");
  const list = useListState(filterKeys);
  const { data, isFetching, error, refetch } = useFunds(list.query);
  const exportList = useExportFunds();
  const [creating, setCreating] = useState(false);
  const sorter = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  const columns: ColumnsType<FundRow> = [
    {
      title: t("field.name"),
      dataIndex: "name",
      fixed: "left",
      width: 220,
      ...sorter("name"),
      render: (v: string, f) => <Link to={`/funds/${f.id}`}>{v}</Link>,
    },
    {
      title: t("field.managerShort"),
      dataIndex: "managerName",
      width: 180,
      render: (v: string | null) => v ?? "—",
    },
    {
      title: t("field.park"),
      dataIndex: "parkName",
      width: 200,
      render: (v: string | null, f) => v ?? f.regionName,
    },
    {
      title: t("field.status"),
      dataIndex: "status",
      ...sorter("status"),
      render: (s: FundRow["status"]) => <Tag color={fundStatusColors[s]}>{t(`status.${s}`)}</Tag>,
    },
    { title: t("field.size"), dataIndex: "sizeFen", align: "right", ...sorter("sizeFen"), render: money },
    {
      title: t("field.committed"),
      dataIndex: "committedFen",
      align: "right",
      ...sorter("committedFen"),
      render: money,
    },
    {
      title: t("field.governmentPct"),
      dataIndex: "governmentPct",
      align: "right",
      render: (v: number) => `${v}%`,
    },
    { title: t("field.paidIn"), dataIndex: "paidInFen", align: "right", render: money },
    {
      title: t("field.invested"),
      dataIndex: "investedFen",
      align: "right",
      ...sorter("investedFen"),
      render: money,
    },
    { title: t("field.uncommitted"), dataIndex: "uncommittedFen", align: "right", render: money },
    { title: t("field.coInvest"), dataIndex: "coInvestFen", align: "right", render: money },
    {
      title: t("field.leverage"),
      dataIndex: "leverage",
      align: "right",
      render: (x: number | null) => leverageText(x, "n/a"),
    },
    { title: t("field.projects"), dataIndex: "projects", align: "right" },
    { title: t("field.inceptionOn"), dataIndex: "inceptionOn", ...sorter("inceptionOn") },
  ];
  const createButton = canManage ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t("list.create")}
    </Button>
  ) : undefined;
  return (
    <>
      <PageHeader
        title={t("list.title")}
        sub={t("list.sub")}
        extra={
          <>
            <Button icon={<BarChartOutlined />} onClick={() => navigate("/funds/figures")}>
              {t("list.figures")}
            </Button>
            <ExportButton mutation={exportList} params={list.query} />
            {createButton}
          </>
        }
      />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <SearchBox
          value={list.query.q}
          onSearch={(q) => list.update({ q })}
          placeholder={t("list.searchPh")}
          width={240}
        />
        <ParkPicker
          value={list.query.parkId ?? null}
          onChange={(parkId) => list.update({ parkId: parkId ?? undefined })}
          allowClear
          placeholder={t("list.parkAll")}
          style={{ width: 220 }}
        />
        <Select<string>
          value={list.query.status}
          onChange={(status) => list.update({ status })}
          allowClear
          aria-label={t("field.status")}
          placeholder={t("list.statusAll")}
          options={fundStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          style={{ width: 130 }}
        />
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<FundRow>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={canManage ? t("list.emptyHint") : t("list.empty")}
        emptyAction={createButton}
        scrollX={1700}
      />
      <RecordDrawer
        open={creating}
        title={t("list.create")}
        onClose={() => setCreating(false)}
        subjectType="fund"
        subjectId={null}
        size={720}
      >
        <FundForm
          record={null}
          onCancel={() => setCreating(false)}
          onReload={() => undefined}
          onDone={(saved) => {
            feedback.success(t("list.created", { name: saved.name }));
            setCreating(false);
            navigate(`/funds/${saved.id}`);
          }}
        />
      </RecordDrawer>
    </>
  );
};
