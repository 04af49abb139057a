import { Alert, Table } from "antd";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../../lib/format";
import type { DuplicateCandidate } from "../api/projects.api";
import { StageTag } from "./ProjectBits";

/** The projects a new lead may duplicate: each opens in a new tab, so the form is kept. */
export const DuplicateCandidates = ({ items }: { items: DuplicateCandidate[] }) => {
  const { t } = useTranslation("projects");
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={t("dup.title", { n: items.length })}
      description={
        <>
          <div style={{ marginBottom: 8 }}>{t("dup.hint")}</div>
          <Table<DuplicateCandidate>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={items}
            scroll={{ x: 640 }}
            columns={[
              { title: t("field.code"), dataIndex: "code", width: 120 },
              {
                title: t("field.name"),
                dataIndex: "name",
                render: (v: string, c) => (
                  <a href={`/projects/${c.id}`} target="_blank" rel="noreferrer">
                    {v}
                  </a>
                ),
              },
              { title: t("field.investor"), dataIndex: "investorName" },
              { title: t("field.team"), dataIndex: "teamName", width: 150 },
              {
                title: t("field.stage"),
                dataIndex: "stage",
                width: 70,
                render: (_: unknown, c) => <StageTag stage={c.stage} />,
              },
              {
                title: t("field.registeredAt"),
                dataIndex: "registeredAt",
                width: 100,
                render: (v: string) => formatDate(v),
              },
            ]}
          />
        </>
      }
    />
  );
};
