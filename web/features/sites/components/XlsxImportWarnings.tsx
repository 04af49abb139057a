import { Alert, Card, Table } from "antd";
import { useTranslation } from "react-i18next";
import { type SiteImportWarning, useSiteImportWarnings } from "../api/sites.api";

/**
 * The site import's notes after a clean dry run: stated areas far from the polygon's, squares
 * built from a centre point. They do not stop the commit (the shared wizard shows errors only).
 */
export const XlsxImportWarnings = ({ jobId, status }: { jobId: string | null; status?: string }) => {
  const { t } = useTranslation("sites");
  const warnings = useSiteImportWarnings(jobId, status);
  const items = warnings.data?.items ?? [];
  if (status !== "validated" || items.length === 0) return null;
  return (
    <Card
      size="small"
      title={t("xlsx.warnings")}
      style={{ marginTop: 16 }}
      data-testid="site-import-warnings"
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={t("xlsx.warningsHint", { n: new Set(items.map((w) => w.rowNo)).size })}
      />
      <Table<SiteImportWarning>
        size="small"
        rowKey={(w) => `${w.rowNo}-${w.message}`}
        dataSource={items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t("xlsx.row"), dataIndex: "rowNo", width: 80 },
          { title: t("xlsx.name"), dataIndex: "name", width: 240, ellipsis: true },
          { title: t("xlsx.message"), dataIndex: "message" },
        ]}
      />
    </Card>
  );
};
