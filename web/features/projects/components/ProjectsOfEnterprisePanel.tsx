import { Empty, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ProjectRow } from "../../../../common/project.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import type { EnterprisePanelProps } from "../../../lib/extensions";
import { formatDate } from "../../../lib/format";
import { useProjects } from "../api/projects.api";
import { wanText } from "../format";
import { Blank, OverdueBadge, StageTag } from "./ProjectBits";

/** 招商项目 on the enterprise page: the projects this firm invests in, each linked to its page. */
export const ProjectsOfEnterprisePanel = ({ enterpriseId }: EnterprisePanelProps) => {
  const { t } = useTranslation("projects");
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const { data, isFetching, error, refetch } = useProjects({ investorId: enterpriseId, ...page });
  return (
    <>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      {(data?.total ?? 0) > 0 && (
        <Typography.Paragraph type="secondary">
          {t("investor.total", { n: data?.total })}
        </Typography.Paragraph>
      )}
      <Table<ProjectRow>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={
          (data?.total ?? 0) > page.pageSize && {
            current: page.page,
            pageSize: page.pageSize,
            total: data?.total ?? 0,
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }
        }
        locale={{
          emptyText: isFetching ? (
            " "
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("investor.empty")} />
          ),
        }}
        columns={[
          {
            title: t("field.code"),
            dataIndex: "code",
            width: 125,
            render: (v: string) => <span style={{ fontFamily: "monospace", whiteSpace: "nowrap" }}>{v}</span>,
          },
          {
            title: t("field.name"),
            dataIndex: "name",
            render: (v: string, p) => <Link to={`/projects/${p.id}`}>{v}</Link>,
          },
          {
            title: t("field.parkTeam"),
            key: "park",
            width: 200,
            render: (_, p) => [p.parkName ?? p.regionName, p.teamName].filter(Boolean).join(" · "),
          },
          {
            title: t("field.totalInvestmentWan"),
            dataIndex: "totalInvestmentFen",
            width: 140,
            align: "right",
            render: (v: number | null) => wanText(v, "") || <Blank />,
          },
          {
            title: t("field.stage"),
            dataIndex: "stage",
            width: 110,
            render: (_, p) => <StageTag stage={p.stage} on={p.stageOn} />,
          },
          {
            title: t("field.overdue"),
            dataIndex: "overdueNodes",
            width: 90,
            align: "center",
            render: (n: number) => <OverdueBadge n={n} />,
          },
          {
            title: t("investor.registeredAt"),
            dataIndex: "registeredAt",
            width: 110,
            render: (v: string) => formatDate(v),
          },
        ]}
      />
    </>
  );
};
