import { Button, Card, Col, Descriptions, Empty, Flex, Input, Row, Skeleton, Spin, Tag, Tree } from "antd";
import { useDeferredValue, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Region } from "../../../../common/org.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { usePermission } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useRegion, useRegionSearch } from "../api/regions.api";
import { PlatformForm } from "./PlatformForm";
import { useRegionTree } from "./useRegionTree";

const levelColor: Record<Region["level"], string> = {
  province: "red",
  city: "orange",
  county: "blue",
  platform: "green",
};

export const RegionsPage = () => {
  const { t } = useTranslation("org");
  const canWrite = usePermission("org.write");
  const { AuditTrail } = useExtensions();
  const tree = useRegionTree();
  const [selected, setSelected] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const found = useRegionSearch(q);
  const detail = useRegion(selected);
  const r = detail.data;

  const onAdded = async (parentId: string) => {
    await tree.loadChildren(parentId, true);
    setExpanded((prev) => (prev.includes(parentId) ? prev : [...prev, parentId]));
  };

  return (
    <>
      <PageHeader title={t("regions.title")} sub={t("regions.sub")} />
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card title={t("regions.tree")} size="small">
            <Input.Search
              placeholder={t("regions.search")}
              allowClear
              onChange={(e) => setSearch(e.target.value)}
              style={{ marginBottom: 12 }}
            />
            {q ? (
              <RegionSearchResults
                loading={found.isFetching}
                items={found.data ?? []}
                selected={selected}
                onPick={setSelected}
              />
            ) : tree.isLoading ? (
              <Skeleton active />
            ) : tree.error ? (
              <ApiErrorAlert error={tree.error} onRetry={() => void tree.refetchRoots()} />
            ) : tree.treeData.length === 0 ? (
              <Empty description={t("regions.empty")} />
            ) : (
              <Tree
                treeData={tree.treeData}
                loadData={(node) => tree.loadChildren(String(node.key)).then(() => undefined)}
                loadedKeys={tree.loadedKeys}
                expandedKeys={expanded}
                onExpand={(keys) => setExpanded(keys.map(String))}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => setSelected(keys[0] ? String(keys[0]) : null)}
                titleRender={(n) => (
                  <span>
                    {n.title}
                    {n.region.level === "platform" && (
                      <Tag color="green" style={{ marginInlineStart: 6 }}>
                        {t("enums:regionLevel.platform")}
                      </Tag>
                    )}
                  </span>
                )}
                style={{ maxHeight: 560, overflow: "auto" }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {!selected ? (
            <Card>
              <Empty description={t("regions.selectHint")} />
            </Card>
          ) : !r ? (
            <Card>{detail.error ? <ApiErrorAlert error={detail.error} /> : <Skeleton active />}</Card>
          ) : (
            <Flex vertical gap={16}>
              <Card title={r.name} size="small">
                <Descriptions
                  column={1}
                  size="small"
                  items={[
                    {
                      key: "level",
                      label: t("regions.level"),
                      children: <Tag color={levelColor[r.level]}>{t(`enums:regionLevel.${r.level}`)}</Tag>,
                    },
                    { key: "code", label: t("regions.code"), children: r.code ?? t("regions.noCode") },
                    {
                      key: "path",
                      label: t("regions.path"),
                      children: [...r.ancestors, r].map((a) => a.name).join(" / "),
                    },
                  ]}
                />
              </Card>
              {canWrite && (
                <Card title={t("regions.addTitle", { name: r.name })} size="small">
                  <PlatformForm key={r.id} parentId={r.id} onAdded={() => onAdded(r.id)} />
                </Card>
              )}
              <Card title={t("common:action.auditTrail")} size="small">
                <AuditTrail subjectType="region" subjectId={r.id} />
              </Card>
            </Flex>
          )}
        </Col>
      </Row>
    </>
  );
};

interface ResultsProps {
  loading: boolean;
  items: Region[];
  selected: string | null;
  onPick: (id: string) => void;
}

const RegionSearchResults = ({ loading, items, selected, onPick }: ResultsProps) => {
  const { t } = useTranslation("org");
  if (loading && items.length === 0) return <Spin />;
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("common:state.noMatch")} />;
  return (
    <Flex vertical gap={4} role="list">
      {items.map((x) => (
        <Flex key={x.id} role="listitem" justify="space-between" align="center">
          <Button type={x.id === selected ? "primary" : "link"} size="small" onClick={() => onPick(x.id)}>
            {x.name}
          </Button>
          <Tag color={levelColor[x.level]}>{t(`enums:regionLevel.${x.level}`)}</Tag>
        </Flex>
      ))}
    </Flex>
  );
};
