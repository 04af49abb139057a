import { Flex, Form, Input, InputNumber, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Criterion, Panelist } from "../../../../common/review.schema";
import { formatScore, weightedTotal } from "../score";

export interface ScoreValues {
  scores: Record<string, number | null>;
  comment: string;
}

export const scoreValuesOf = (criteria: Criterion[], seat: Panelist | null): ScoreValues => ({
  scores: Object.fromEntries(criteria.map((c) => [c.key, seat?.scores?.[c.key] ?? null])),
  comment: seat?.comment ?? "",
});

/** The body of POST /scores from the form: every criterion scored (the rules saw to it). */
export const scoreBodyOf = (criteria: Criterion[], v: ScoreValues) => ({
  scores: Object.fromEntries(criteria.map((c) => [c.key, v.scores[c.key] ?? 0])),
  comment: v.comment.trim() || undefined,
});

/**
 * One number per criterion, at most its 满分, and the weighted total as it
 * will be recorded. Field names follow the API body (`scores.<key>`), so the
 * server's refusals land on the right input.
 */
export const ScoreFields = ({ criteria, readOnly }: { criteria: Criterion[]; readOnly?: boolean }) => {
  const { t } = useTranslation("reviews");
  const form = Form.useFormInstance<ScoreValues>();
  const scores = Form.useWatch("scores", form) ?? {};
  const complete = criteria.every((c) => typeof scores[c.key] === "number");
  return (
    <>
      {criteria.map((c) => (
        <Form.Item
          key={c.key}
          name={["scores", c.key]}
          label={
            <Flex gap={8} align="baseline">
              <span>{c.name}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("score.weightMax", { weight: c.weight, max: c.max })}
              </Typography.Text>
            </Flex>
          }
          required
          rules={[
            { required: true, message: t("score.required", { name: c.name }) },
            { type: "number", min: 0, max: c.max, message: t("score.range", { name: c.name, max: c.max }) },
          ]}
          style={{ marginBottom: 12 }}
        >
          <InputNumber<number>
            min={0}
            max={c.max}
            step={1}
            disabled={readOnly}
            suffix={t("score.unit")}
            aria-label={c.name}
            style={{ width: 180 }}
          />
        </Form.Item>
      ))}
      <Form.Item name="comment" label={t("score.comment")}>
        <Input.TextArea
          rows={3}
          maxLength={2000}
          showCount
          disabled={readOnly}
          placeholder={t("score.commentPh")}
        />
      </Form.Item>
      <Typography.Text data-testid="live-total">
        {t("score.total")}
        {t("common:state.colon")}
        <Typography.Text strong style={{ fontSize: 18 }}>
          {complete ? formatScore(weightedTotal(criteria, scores)) : "—"}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
          {t("score.totalHint")}
        </Typography.Text>
      </Typography.Text>
    </>
  );
};
