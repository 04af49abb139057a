import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Flex, InputNumber, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type Indicator,
  indicatorDefs,
  indicatorKeys,
  missingRuleLabels,
  missingRules,
  type SchemeBody,
  type SchemeRow,
} from "../../../../common/evaluation.schema";
import { useFeedback } from "../../../lib/feedback";
import { useUpdateScheme } from "../api/evaluation.api";
import { SchemeRules } from "./SchemeRules";

type Group = "above" | "below";

/** 指标与权重: both size groups' indicators, benchmarks and caps, and the class cuts; saved with version. */
export const SchemeEditor = ({ scheme, canManage }: { scheme: SchemeRow; canManage: boolean }) => {
  const { t } = useTranslation("evaluation");
  const feedback = useFeedback();
  const update = useUpdateScheme();
  const [body, setBody] = useState<SchemeBody>(scheme.body);
  const setGroup = (g: Group, xs: Indicator[]) => setBody({ ...body, [g]: xs });
  const save = () =>
    update.mutate(
      { id: scheme.id, body: { version: scheme.version, body } },
      { onSuccess: () => feedback.success(t("scheme.saved")), onError: feedback.error },
    );
  const rule = body.classRule;
  return (
    <Flex vertical gap={16}>
      {(["above", "below"] as const).map((g) => (
        <IndicatorTable
          key={g}
          group={g}
          items={body[g]}
          onChange={(xs) => setGroup(g, xs)}
          disabled={!canManage}
        />
      ))}
      <Card size="small" title={t("scheme.classRule")}>
        {rule.kind === "percentile" ? (
          <Space wrap>
            {(["cutA", "cutB", "cutC"] as const).map((k, i) => (
              <Space key={k}>
                <span>{t(`scheme.${k}`)}</span>
                <InputNumber
                  aria-label={t(`scheme.${k}`)}
                  min={0}
                  max={100}
                  value={rule.cuts[i]}
                  disabled={!canManage}
                  onChange={(v) => {
                    const cuts = [...rule.cuts];
                    cuts[i] = Number(v ?? 0);
                    setBody({ ...body, classRule: { ...rule, cuts } });
                  }}
                />
              </Space>
            ))}
            <Select
              value={rule.ties}
              disabled={!canManage}
              style={{ width: 160 }}
              onChange={(ties) => setBody({ ...body, classRule: { ...rule, ties } })}
              options={[
                { value: "better", label: t("scheme.tiesBetter") },
                { value: "worse", label: t("scheme.tiesWorse") },
              ]}
            />
          </Space>
        ) : (
          <Typography.Text>
            {t("scheme.threshold")}：{rule.thresholds.join(" / ")}
          </Typography.Text>
        )}
      </Card>
      <SchemeRules body={body} onChange={setBody} disabled={!canManage} />
      {canManage ? (
        <Flex justify="end">
          <Button type="primary" onClick={save} loading={update.isPending}>
            {t("scheme.save")}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
};

const IndicatorTable = (p: {
  group: Group;
  items: Indicator[];
  onChange: (xs: Indicator[]) => void;
  disabled: boolean;
}) => {
  const { t } = useTranslation("evaluation");
  const sum = p.items.reduce((s, x) => s + x.weight, 0);
  const set = (i: number, patch: Partial<Indicator>) =>
    p.onChange(p.items.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const unused = indicatorKeys.filter((k) => !p.items.some((x) => x.key === k));
  return (
    <Card
      size="small"
      title={p.group === "above" ? t("schemes.above") : t("schemes.below")}
      extra={
        <Space>
          <Tag color={Math.abs(sum - 100) < 1e-9 ? "green" : "red"}>
            {t("scheme.weightSum", { sum: +sum.toFixed(4) })}
          </Tag>
          {!p.disabled && unused.length ? (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() =>
                p.onChange([
                  ...p.items,
                  { key: unused[0]!, weight: 10, benchmark: { kind: "fixed", value: 1 }, missing: "zero" },
                ])
              }
            />
          ) : null}
        </Space>
      }
    >
      <Table<Indicator>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={p.items}
        columns={[
          {
            title: t("scheme.indicator"),
            render: (_, r, i) => (
              <Select
                value={r.key}
                disabled={p.disabled}
                style={{ width: 170 }}
                onChange={(key) => set(i, { key })}
                options={[r.key, ...unused].map((k) => ({ value: k, label: indicatorDefs[k].label }))}
              />
            ),
          },
          {
            title: t("scheme.weight"),
            width: 110,
            render: (_, r, i) => (
              <InputNumber
                aria-label={`${indicatorDefs[r.key].label}${t("scheme.weight")}`}
                value={r.weight}
                min={0}
                max={100}
                disabled={p.disabled}
                onChange={(v) => set(i, { weight: Number(v ?? 0) })}
              />
            ),
          },
          {
            title: t("scheme.benchmark"),
            render: (_, r, i) => (
              <Space.Compact>
                <Select
                  value={r.benchmark.kind}
                  disabled={p.disabled}
                  style={{ width: 120 }}
                  onChange={(kind) =>
                    set(i, {
                      benchmark: kind === "fixed" ? { kind, value: 1 } : { kind: "derived", factor: 2 },
                    })
                  }
                  options={[
                    { value: "fixed", label: t("scheme.fixed") },
                    { value: "derived", label: t("scheme.derived") },
                  ]}
                />
                <InputNumber
                  value={r.benchmark.kind === "fixed" ? r.benchmark.value : r.benchmark.factor}
                  disabled={p.disabled}
                  min={0}
                  onChange={(v) =>
                    set(i, {
                      benchmark:
                        r.benchmark.kind === "fixed"
                          ? { kind: "fixed", value: Number(v ?? 0) }
                          : { kind: "derived", factor: Number(v ?? 0) },
                    })
                  }
                  addonAfter={indicatorDefs[r.key].unit || undefined}
                />
              </Space.Compact>
            ),
          },
          {
            title: t("scheme.cap"),
            width: 100,
            render: (_, r, i) => (
              <InputNumber
                value={r.cap ?? null}
                disabled={p.disabled}
                min={0}
                onChange={(v) => set(i, { cap: v === null ? null : Number(v) })}
              />
            ),
          },
          {
            title: t("scheme.missingRule"),
            width: 250,
            render: (_, r, i) => (
              <Select
                value={r.missing}
                disabled={p.disabled}
                style={{ width: 240 }}
                onChange={(missing) => set(i, { missing })}
                options={missingRules.map((m) => ({ value: m, label: missingRuleLabels[m] }))}
              />
            ),
          },
          {
            width: 48,
            render: (_, _r, i) =>
              p.disabled ? null : (
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => p.onChange(p.items.filter((_x, j) => j !== i))}
                />
              ),
          },
        ]}
      />
    </Card>
  );
};
