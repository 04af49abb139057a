import {
  BarChartOutlined,
  EnvironmentOutlined,
  FileExcelOutlined,
  ImportOutlined,
  PlusOutlined,
} from "@ant-design/icons";
import { Button, Flex, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { muOf } from "../../../../common/geo";
import { type SiteRow, siteStatusColors } from "../../../../common/site.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { RecordDrawer } from "../../../components/RecordDrawer";
import { usePermission } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { useListState } from "../../../lib/list-state";
import { useExportSites, useSites } from "../api/sites.api";
import { ImportModal } from "./ImportModal";
import { SiteDrawer } from "./SiteDrawer";
import { SiteFilters, siteFilterKeys } from "./SiteFilters";
import { SiteForm } from "./SiteForm";

/** 空间资源台账: every site in scope, filtered, sorted and exported; a row opens its drawer. */
export const SitesPage = () => {
  const { t } = useTranslation("sites");
  const feedback = useFeedback();
  const navigate = useNavigate();
  const canManage = usePermission("site.manage");
  const list = useListState(siteFilterKeys);
  const { data, isFetching, error, refetch } = useSites(list.query);
  const exportList = useExportSites();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  // `?open=<id>` opens a site's drawer (a project's land node links to its reserved site).
  const [open, setOpen] = useState<string | null>(() =>
    new URLSearchParams(window.location.search).get("open"),
  );
  const sorter = (key: string) => ({ key, sorter: true, sortOrder: list.sortOrderOf(key) });
  const columns: ColumnsType<SiteRow> = [
    {
      title: t("field.name"),
      dataIndex: "name",
      ...sorter("name"),
      render: (v: string, s) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(s.id)}>
          {v}
        </Button>
      ),
    },
    { title: t("field.park"), dataIndex: "parkName", ...sorter("parkName") },
    { title: t("field.kind"), dataIndex: "kind", render: (k: string) => t(`kind.${k}`) },
    {
      title: t("field.status"),
      dataIndex: "status",
      ...sorter("status"),
      render: (s: SiteRow["status"]) => <Tag color={siteStatusColors[s]}>{t(`status.${s}`)}</Tag>,
    },
    {
      title: t("field.stockCategory"),
      dataIndex: "stockCategory",
      render: (c: string | null) => (c ? t(`stock.${c}`) : "—"),
    },
    {
      title: t("field.geometryArea"),
      dataIndex: "geometryAreaM2",
      ...sorter("areaM2"),
      align: "right",
      render: (m2: number, s) => (
        <span title={s.areaWarning ?? undefined} style={s.areaWarning ? { color: "#d46b08" } : undefined}>
          {`${Math.round(m2).toLocaleString("zh-CN")} ㎡ / ${muOf(m2).toFixed(1)} 亩`}
        </span>
      ),
    },
    {
      title: t("field.landUse"),
      dataIndex: "landUse",
      render: (u: string | null) => (u ? t(`landUse.${u}`) : "—"),
    },
    { title: t("field.project"), dataIndex: "projectName", render: (v: string | null) => v ?? "—" },
    { title: t("field.checkedOn"), dataIndex: "checkedOn", render: (v: string | null) => v ?? "—" },
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
            <Button
              icon={<EnvironmentOutlined />}
              onClick={() => navigate(`/sites/map${window.location.search}`)}
            >
              {t("list.map")}
            </Button>
            <Button icon={<BarChartOutlined />} onClick={() => navigate("/sites/figures")}>
              {t("list.figures")}
            </Button>
            <ExportButton mutation={exportList} params={list.query} />
            {canManage && (
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                {t("list.import")}
              </Button>
            )}
            {canManage && (
              <Button icon={<FileExcelOutlined />} onClick={() => navigate("/sites/import")}>
                {t("xlsx.button")}
              </Button>
            )}
            {createButton}
          </>
        }
      />
      <Flex style={{ marginBottom: 16 }}>
        <SiteFilters values={list.query} onChange={(c) => list.update(c)} />
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<SiteRow>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={canManage ? t("list.emptyHint") : t("list.empty")}
        emptyAction={createButton}
        scrollX={1300}
      />
      <RecordDrawer
        open={creating}
        title={t("list.create")}
        onClose={() => setCreating(false)}
        subjectType="site"
        subjectId={null}
        size={760}
      >
        <SiteForm
          record={null}
          onCancel={() => setCreating(false)}
          onReload={() => undefined}
          onDone={(saved) => {
            feedback.success(t("list.created", { name: saved.name }));
            setCreating(false);
            setOpen(saved.id);
          }}
        />
      </RecordDrawer>
      {importing && <ImportModal onClose={() => setImporting(false)} />}
      <SiteDrawer
        id={open}
        onClose={() => {
          setOpen(null);
          list.update({ open: undefined }, false);
        }}
      />
    </>
  );
};
