import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Popconfirm,
  Progress,
  Row,
  Select,
  Skeleton,
  Tag,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { muOf } from "../../../../common/geo";
import {
  type Demand,
  type MatchReason,
  type SiteStatus,
  siteKinds,
  siteStatusColors,
} from "../../../../common/site.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { usePermission } from "../../../lib/current-user";
import type { ProjectPanelProps } from "../../../lib/extensions";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { useDemand, useMatches, useReserve, useSaveDemand } from "../api/sites.api";
import { LandUseCol, NumberCol } from "./fields";

const verdictColor: Record<MatchReason["verdict"], string> = { met: "green", near: "gold", missed: "red" };
const verdictWord: Record<MatchReason["verdict"], string> = { met: "符合", near: "待核实", missed: "不符" };

const DemandForm = ({
  projectId,
  demand,
  onDone,
}: {
  projectId: string;
  demand: Demand | null;
  onDone: () => void;
}) => {
  const { t } = useTranslation("sites");
  const { t: tc } = useTranslation();
  const { ParkPicker } = useExtensions();
  const feedback = useFeedback();
  const save = useSaveDemand(projectId);
  const [form] = Form.useForm();
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{
        ...demand,
        kinds: demand?.kinds ?? ["land"],
        parkId: demand?.parkIds[0] ?? null,
        neededOn: demand?.neededOn ? dayjs(demand.neededOn) : null,
      }}
      onFinish={(v) =>
        save.mutate(
          {
            kinds: v.kinds,
            areaMinM2: v.areaMinM2 ?? null,
            areaMaxM2: v.areaMaxM2 ?? null,
            landUse: v.landUse ?? null,
            floorLoadKnM2: v.floorLoadKnM2 ?? null,
            heightM: v.heightM ?? null,
            powerKva: v.powerKva ?? null,
            parkIds: v.parkId ? [v.parkId] : [],
            neededOn: v.neededOn ? v.neededOn.format("YYYY-MM-DD") : null,
            note: v.note ?? null,
            version: demand?.version ?? null,
          },
          {
            onSuccess: () => {
              feedback.success(t("demand.saved"));
              onDone();
            },
          },
        )
      }
    >
      <ApiErrorAlert error={save.error} />
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item
            name="kinds"
            label={t("demand.kinds")}
            rules={[{ required: true, message: "至少选择一种空间类型" }]}
          >
            <Select mode="multiple" options={siteKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          </Form.Item>
        </Col>
        <LandUseCol label={t("demand.landUse")} />
        <NumberCol name="areaMinM2" label={t("demand.areaMin")} />
        <NumberCol name="areaMaxM2" label={t("demand.areaMax")} />
        <NumberCol name="powerKva" label={t("demand.power")} />
        <NumberCol name="floorLoadKnM2" label={t("demand.floorLoad")} />
        <NumberCol name="heightM" label={t("demand.height")} />
        <Col span={8}>
          <Form.Item name="neededOn" label={t("demand.neededOn")}>
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="parkId" label={t("demand.parks")}>
            <ParkPicker allowClear />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="note" label={t("demand.note")}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onDone}>{tc("action.cancel")}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {tc("action.save")}
        </Button>
      </Flex>
    </Form>
  );
};

/** 空间需求 on the project page: the demand, the sites held, and available sites ranked with reasons. */
export const SpaceDemandPanel = ({ projectId, writable }: ProjectPanelProps) => {
  const { t } = useTranslation("sites");
  const feedback = useFeedback();
  const canReserve = usePermission("site.reserve");
  const { data, isLoading, error } = useDemand(projectId);
  const matches = useMatches(projectId, Boolean(data?.demand));
  const reserve = useReserve();
  const [editing, setEditing] = useState(false);
  if (isLoading) return <Skeleton active />;
  const d = data?.demand ?? null;
  const summary = d
    ? [
        d.kinds.map((k) => t(`kind.${k}`)).join("、"),
        d.areaMinM2 || d.areaMaxM2
          ? `${(d.areaMinM2 ?? 0).toLocaleString("zh-CN")}–${d.areaMaxM2 ? d.areaMaxM2.toLocaleString("zh-CN") : "不限"} 平方米`
          : null,
        d.landUse ? t(`landUse.${d.landUse}`) : null,
        d.powerKva ? `用电 ≥ ${d.powerKva} kVA` : null,
        d.floorLoadKnM2 ? `荷载 ≥ ${d.floorLoadKnM2} kN/㎡` : null,
        d.heightM ? `高度 ≥ ${d.heightM} 米` : null,
        d.neededOn ? `${d.neededOn} 前需用` : null,
      ]
        .filter(Boolean)
        .join("；")
    : null;
  return (
    <Flex vertical gap={16}>
      <ApiErrorAlert error={error ?? reserve.error} />
      <Card
        size="small"
        title={t("demand.title")}
        extra={
          writable && !editing ? (
            <Button onClick={() => setEditing(true)}>{d ? t("demand.edit") : t("demand.record")}</Button>
          ) : null
        }
      >
        {editing ? (
          <DemandForm projectId={projectId} demand={d} onDone={() => setEditing(false)} />
        ) : d ? (
          <Typography.Text>{summary}</Typography.Text>
        ) : (
          <Empty description={t("demand.none")} />
        )}
      </Card>
      {data && data.held.length > 0 && (
        <Card size="small" title={t("demand.held")}>
          {data.held.map((s) => (
            <Tag key={s.id} color={siteStatusColors[s.status as SiteStatus]}>
              {s.name}（{t(`status.${s.status}`)}）
            </Tag>
          ))}
        </Card>
      )}
      {d && (
        <Card size="small" title={t("demand.matches")}>
          {matches.data?.length === 0 && <Alert type="info" showIcon title={t("demand.noMatches")} />}
          <List
            loading={matches.isLoading}
            dataSource={matches.data ?? []}
            renderItem={(m) => (
              <List.Item
                actions={
                  canReserve
                    ? [
                        <Popconfirm
                          key="r"
                          title={t("demand.reserveConfirm", { name: m.name })}
                          onConfirm={() =>
                            reserve.mutate(
                              { siteId: m.siteId, projectId, version: m.version },
                              { onSuccess: () => feedback.success(t("demand.reservedOk", { name: m.name })) },
                            )
                          }
                        >
                          <Button type="primary" size="small">
                            {t("demand.reserve")}
                          </Button>
                        </Popconfirm>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <Flex gap={8} align="center">
                      <span>{m.name}</span>
                      <Typography.Text type="secondary">
                        {m.parkName} · {t(`kind.${m.kind}`)} · {m.areaM2.toLocaleString("zh-CN")} ㎡（
                        {muOf(m.areaM2).toFixed(1)} 亩）
                      </Typography.Text>
                    </Flex>
                  }
                  description={
                    <Flex vertical gap={2}>
                      <Progress
                        percent={m.score}
                        size="small"
                        style={{ maxWidth: 240 }}
                        format={(p) => `${t("demand.score")} ${p}`}
                      />
                      {m.reasons.map((r) => (
                        <span key={r.key}>
                          <Tag color={verdictColor[r.verdict]}>{verdictWord[r.verdict]}</Tag>
                          {r.text}
                        </span>
                      ))}
                    </Flex>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </Flex>
  );
};
