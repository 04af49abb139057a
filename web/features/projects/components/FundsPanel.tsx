import { PlusOutlined } from "@ant-design/icons";
import { Button, Empty, Flex, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProjectRow } from "../../../../common/project.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { FileLinks } from "../../../components/FileField";
import { usePermission } from "../../../lib/current-user";
import { formatDateTime } from "../../../lib/format";
import { useContract } from "../api/lifecycle.api";
import { type FundMonth, useFunds } from "../api/performance.api";
import { monthText, percentText, usdText, wanText } from "../format";
import { FundModal } from "./FundModal";
import { Blank } from "./ProjectBits";

type Editing = { record: FundMonth | null } | null;

/**
 * 到位资金: the money actually in place, month by month (内资 万元, 外资 万美元), with its
 * evidence and a total; set against the committed investment when the contract names one.
 * There is no per-project export: the yearly summary (到位资金统计) exports across projects.
 */
export const FundsPanel = ({ project }: { project: ProjectRow }) => {
  const { t, i18n } = useTranslation("projects");
  const canWrite = usePermission("project.write");
  const { data, isLoading, error, refetch } = useFunds(project.id);
  const contract = useContract(project.id);
  const [editing, setEditing] = useState<Editing>(null);
  const funds = data ?? [];
  const domestic = funds.reduce((a, f) => a + f.domesticFen, 0);
  const foreign = funds.reduce((a, f) => a + f.foreignCents, 0);
  const wan = t("field.wan");
  const usd = t("field.usd");
  const committed = contract.data?.investmentFen ?? null;

  return (
    <>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
        <Typography.Text type="secondary" data-testid="funds-summary">
          {funds.length > 0 &&
            t("funds.summary", { domestic: wanText(domestic, wan), foreign: usdText(foreign, usd) }) +
              (committed ? t("funds.ofCommitted", { percent: percentText(domestic / committed) }) : "")}
        </Typography.Text>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ record: null })}>
            {t("funds.add")}
          </Button>
        )}
      </Flex>
      <Table<FundMonth>
        rowKey="month"
        size="middle"
        loading={isLoading}
        dataSource={funds}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={canWrite ? t("funds.emptyHint") : t("funds.empty")}
            />
          ),
        }}
        columns={[
          {
            title: t("funds.month"),
            dataIndex: "month",
            width: 110,
            render: (m: string) => monthText(m, i18n.language),
          },
          {
            title: t("funds.domesticWan"),
            dataIndex: "domesticFen",
            width: 150,
            align: "right",
            render: (v: number) => wanText(v, ""),
          },
          {
            title: t("funds.foreignUsd"),
            dataIndex: "foreignCents",
            width: 150,
            align: "right",
            render: (v: number) => usdText(v, ""),
          },
          {
            title: t("funds.evidence"),
            dataIndex: "evidenceFileIds",
            width: 200,
            render: (ids: string[]) => (ids.length ? <FileLinks ids={ids} /> : <Blank />),
          },
          {
            title: t("funds.note"),
            dataIndex: "note",
            ellipsis: true,
            render: (v: string | null) => v ?? "",
          },
          {
            title: t("funds.enteredAt"),
            dataIndex: "updatedAt",
            width: 140,
            render: (v: string) => formatDateTime(v),
          },
          ...(canWrite
            ? [
                {
                  title: t("common:action.actions"),
                  key: "actions",
                  width: 80,
                  render: (_: unknown, f: FundMonth) => (
                    <Button type="link" size="small" onClick={() => setEditing({ record: f })}>
                      {t("funds.edit")}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
        summary={() =>
          funds.length > 0 ? (
            <Table.Summary.Row style={{ fontWeight: 600 }}>
              <Table.Summary.Cell index={0}>{t("funds.total")}</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <span data-testid="funds-total-domestic">{wanText(domestic, "")}</span>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {usdText(foreign, "")}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} colSpan={canWrite ? 4 : 3} />
            </Table.Summary.Row>
          ) : null
        }
      />
      {editing && (
        <FundModal
          projectId={project.id}
          funds={funds}
          record={editing.record}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
};
