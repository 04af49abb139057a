import {
  Button,
  Drawer,
  Empty,
  Flex,
  List,
  Popconfirm,
  Select,
  Skeleton,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { prospectPriorityLabels, prospectStatusLabels } from "../../../../common/chain.prospect";
import { type EnterpriseLabel, enterpriseLabelNames } from "../../../../common/enums";
import { type ProjectStage, stageLabels } from "../../../../common/project.schema";
import { FirmPicker } from "../../../components/pickers";
import { useFeedback } from "../../../lib/feedback";
import { useAddFirm, useLinkDetail, useRemoveFirm } from "../api/chains.api";
import { strengthColors } from "../charts/map.chart";

const wan = (x: number | null) =>
  x === null ? "—" : x.toLocaleString("zh-CN", { maximumFractionDigits: 2 });

/** What a click on a link shows: its figures, the firms on it, its projects and prospects. */
export const LinkDrawer = ({
  linkId,
  onClose,
  canManage,
}: {
  linkId: string | null;
  onClose: () => void;
  canManage: boolean;
}) => {
  const { t } = useTranslation("chains");
  const feedback = useFeedback();
  const detail = useLinkDetail(linkId);
  const add = useAddFirm();
  const remove = useRemoveFirm();
  const [firm, setFirm] = useState<string | null>(null);
  const [role, setRole] = useState<"member" | "leader">("member");
  const d = detail.data;
  return (
    <Drawer open={Boolean(linkId)} onClose={onClose} size={720} title={d?.link.name ?? ""} destroyOnHidden>
      {!d ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <Flex gap={8} align="center" wrap>
            <Tag color={strengthColors[d.link.strength]}>{t(`strength.${d.link.strength}`)}</Tag>
            <Typography.Text type="secondary">
              {t("link.facts", {
                firms: d.link.firmCount,
                leaders: d.link.leaderCount,
                output: wan(d.link.outputWan),
                tax: wan(d.link.taxWan),
              })}
            </Typography.Text>
          </Flex>
          <div>
            <Typography.Title level={5}>{t("link.firms")}</Typography.Title>
            {canManage && (
              <Flex gap={8} style={{ marginBottom: 8 }}>
                <FirmPicker
                  value={firm}
                  onChange={setFirm}
                  style={{ width: 320 }}
                  placeholder={t("link.addFirm")}
                />
                <Select
                  value={role}
                  onChange={setRole}
                  style={{ width: 100 }}
                  options={[
                    { value: "member", label: t("link.member") },
                    { value: "leader", label: t("link.leader") },
                  ]}
                />
                <Button
                  type="primary"
                  disabled={!firm}
                  loading={add.isPending}
                  onClick={() =>
                    firm &&
                    add.mutate(
                      { linkId: d.link.id, enterpriseId: firm, role },
                      { onSuccess: () => setFirm(null), onError: feedback.error },
                    )
                  }
                >
                  {t("link.addFirm")}
                </Button>
              </Flex>
            )}
            <Table
              size="small"
              rowKey="enterpriseId"
              pagination={false}
              dataSource={d.firms}
              locale={{ emptyText: t("link.noFirms") }}
              columns={[
                {
                  title: t("prospects.name"),
                  key: "name",
                  render: (_, f) => <Link to={`/enterprises/${f.enterpriseId}`}>{f.name}</Link>,
                },
                {
                  title: t("link.role"),
                  key: "role",
                  width: 70,
                  render: (_, f) =>
                    f.role === "leader" ? <Tag color="gold">{t("link.leader")}</Tag> : t("link.member"),
                },
                { title: t("col.output"), key: "output", width: 110, render: (_, f) => wan(f.outputWan) },
                { title: t("col.tax"), key: "tax", width: 100, render: (_, f) => wan(f.taxWan) },
                {
                  title: "",
                  key: "labels",
                  render: (_, f) =>
                    f.labels.map((l) => <Tag key={l}>{enterpriseLabelNames[l as EnterpriseLabel] ?? l}</Tag>),
                },
                ...(canManage
                  ? [
                      {
                        title: "",
                        key: "remove",
                        width: 60,
                        render: (_: unknown, f: { enterpriseId: string }) => (
                          <Popconfirm
                            title={t("link.removeConfirm")}
                            onConfirm={() =>
                              remove.mutate(
                                { linkId: d.link.id, enterpriseId: f.enterpriseId },
                                { onError: feedback.error },
                              )
                            }
                          >
                            <Button type="link" size="small" danger>
                              {t("link.removeFirm")}
                            </Button>
                          </Popconfirm>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </div>
          <div>
            <Typography.Title level={5}>{t("link.projects")}</Typography.Title>
            {d.projects.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("link.noProjects")} />
            ) : (
              <List
                size="small"
                dataSource={d.projects}
                renderItem={(p) => (
                  <List.Item>
                    <Link to={`/projects/${p.id}`}>
                      {p.code} {p.name}
                    </Link>
                    <Tag>{stageLabels[p.stage as ProjectStage] ?? p.stage}</Tag>
                  </List.Item>
                )}
              />
            )}
          </div>
          <div>
            <Typography.Title level={5}>{t("link.prospects")}</Typography.Title>
            {d.prospects.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("link.noProspects")} />
            ) : (
              <List
                size="small"
                dataSource={d.prospects}
                renderItem={(p) => (
                  <List.Item>
                    <Link to={`/prospects?open=${p.id}`}>{p.name}</Link>
                    <span>
                      <Tag>
                        {t("prospects.priority")}：
                        {prospectPriorityLabels[p.priority as keyof typeof prospectPriorityLabels]}
                      </Tag>
                      <Tag>{prospectStatusLabels[p.status as keyof typeof prospectStatusLabels]}</Tag>
                    </span>
                  </List.Item>
                )}
              />
            )}
          </div>
        </Flex>
      )}
    </Drawer>
  );
};
