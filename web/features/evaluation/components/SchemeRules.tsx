import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Input, InputNumber, Select, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Condition } from "../../../../common/conditions";
import { evaluationFields } from "../../../../common/evaluation.fields";
import { classes, classLabels, type SchemeBody } from "../../../../common/evaluation.schema";
import { ConditionEditor } from "../../../components/ConditionEditor";

type Props = { body: SchemeBody; onChange: (body: SchemeBody) => void; disabled: boolean };

const empty: Condition = { all: [] };

/**
 * A list of rules each naming firms by a condition: the T-class exclusions, the bonus and
 * deduction items, the negative list. `head` renders a row's own fields beside its condition.
 */
function RuleList<T extends { condition: Condition }>(p: {
  title: string;
  hint: string;
  items: T[];
  blank: T;
  onChange: (items: T[]) => void;
  disabled: boolean;
  /** a row's own fields; `label(what)` names an input after the list and the row */
  head: (item: T, set: (patch: Partial<T>) => void, label: (what: string) => string) => ReactNode;
  extra?: ReactNode;
}) {
  const { t } = useTranslation("evaluation");
  const set = (i: number, patch: Partial<T>) =>
    p.onChange(p.items.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <Card
      size="small"
      title={p.title}
      extra={
        <Space>
          {p.extra}
          {!p.disabled && (
            <Button
              size="small"
              icon={<PlusOutlined />}
              aria-label={t("rules.addTo", { list: p.title })}
              onClick={() => p.onChange([...p.items, p.blank])}
            >
              {t("rules.add")}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {p.hint}
      </Typography.Paragraph>
      {p.items.length === 0 && <Typography.Text type="secondary">{t("rules.none")}</Typography.Text>}
      <Flex vertical gap={12}>
        {p.items.map((x, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
          <Flex key={i} vertical gap={6}>
            <Flex gap={8} align="center" wrap>
              {p.head(
                x,
                (patch) => set(i, patch),
                (what) => t("rules.fieldOf", { list: p.title, n: i + 1, what }),
              )}
              {!p.disabled && (
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t("rules.remove", { list: p.title, n: i + 1 })}
                  onClick={() => p.onChange(p.items.filter((_, j) => j !== i))}
                />
              )}
            </Flex>
            <ConditionEditor
              fields={evaluationFields}
              value={x.condition}
              onChange={(condition) => set(i, { condition } as Partial<T>)}
              disabled={p.disabled}
            />
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}

/** 参评范围, T 类排除, 加减分项 and 负面清单 of a scheme, each in the condition language. */
export const SchemeRules = ({ body, onChange, disabled }: Props) => {
  const { t } = useTranslation("evaluation");
  const patch = (p: Partial<SchemeBody>) => onChange({ ...body, ...p });
  const cap = (key: "bonusCap" | "deductionCap") => (
    <Space size={4}>
      <span>{t(`rules.${key}`)}</span>
      <InputNumber
        aria-label={t(`rules.${key}`)}
        size="small"
        min={0}
        max={100}
        value={body[key]}
        disabled={disabled}
        onChange={(v) => patch({ [key]: Number(v ?? 0) })}
        style={{ width: 70 }}
      />
    </Space>
  );
  return (
    <>
      <Card size="small" title={t("rules.scope")}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t("rules.scopeHint")}
        </Typography.Paragraph>
        <ConditionEditor
          fields={evaluationFields}
          value={body.scope}
          onChange={(scope) => patch({ scope })}
          disabled={disabled}
        />
      </Card>
      <RuleList
        title={t("scheme.exclusions")}
        hint={t("rules.exclusionsHint")}
        items={body.exclusions}
        blank={{ reason: "", condition: empty }}
        onChange={(exclusions) => patch({ exclusions })}
        disabled={disabled}
        head={(x, set, label) => (
          <Input
            aria-label={label(t("rules.reason"))}
            placeholder={t("rules.reason")}
            value={x.reason}
            maxLength={60}
            onChange={(e) => set({ reason: e.target.value })}
            style={{ width: 280 }}
          />
        )}
      />
      <RuleList
        title={t("rules.adjustments")}
        hint={t("rules.adjustmentsHint")}
        items={body.adjustments}
        blank={{ label: "", condition: empty, points: 1 }}
        onChange={(adjustments) => patch({ adjustments })}
        disabled={disabled}
        extra={
          <>
            {cap("bonusCap")}
            {cap("deductionCap")}
          </>
        }
        head={(x, set, label) => (
          <>
            <Input
              aria-label={label(t("rules.label"))}
              placeholder={t("rules.label")}
              value={x.label}
              maxLength={60}
              onChange={(e) => set({ label: e.target.value })}
              style={{ width: 240 }}
            />
            <InputNumber
              aria-label={label(t("rules.pointsName"))}
              value={x.points}
              min={-100}
              max={100}
              onChange={(v) => set({ points: Number(v ?? 0) })}
              addonAfter={t("rules.points")}
              style={{ width: 130 }}
            />
          </>
        )}
      />
      <RuleList
        title={t("scheme.negative")}
        hint={t("rules.negativeHint")}
        items={body.negative}
        blank={{ reason: "", condition: empty, forceClass: "D" }}
        onChange={(negative) => patch({ negative })}
        disabled={disabled}
        head={(x, set, label) => (
          <>
            <Input
              aria-label={label(t("rules.reason"))}
              placeholder={t("rules.reason")}
              value={x.reason}
              maxLength={60}
              onChange={(e) => set({ reason: e.target.value })}
              style={{ width: 240 }}
            />
            <Select
              aria-label={label(t("rules.forceClassName"))}
              value={x.forceClass}
              onChange={(forceClass) => set({ forceClass })}
              options={classes.map((c) => ({
                value: c,
                label: `${t("rules.forceClass")} ${classLabels[c]}`,
              }))}
              style={{ width: 220 }}
            />
          </>
        )}
      />
    </>
  );
};
