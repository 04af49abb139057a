import { Alert, Button, Flex, Form, Input, InputNumber, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type ApplicationRow, applicationCreate, type ClauseRow } from "../../../../common/policy.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { FileField } from "../../../components/FileField";
import { FirmPicker } from "../../../components/pickers";
import { type FieldIssue, isApiError } from "../../../lib/api";
import { fenToWan, formatWan, wanToFen } from "../../../lib/format";
import { applyServerErrors, zodRule } from "../../../lib/forms";
import { useApply } from "../api/applications.api";
import { FairReviewTag } from "./PolicyBits";
import { ClausePicker } from "./pickers";
import { useOwnFirm } from "./roles";

interface Values {
  clauseId: string | null;
  enterpriseId: string | null;
  year: number | null;
  claimedWan: number | null;
  note: string;
  fileIds: string[];
  overrideReason: string;
}

type ClauseBits = Pick<ClauseRow, "id" | "name" | "period" | "fairReview" | "fairReviewNote">;

/** What the form knows before it opens: from a clause's matches or a firm's 政策匹配. */
export interface ApplyPrefill {
  clause?: ClauseBits;
  firm?: { id: string; name: string };
  /** whether the firm meets the clause; unknown when either was picked in the form */
  eligible?: boolean;
  reasons?: string[];
  estimateFen?: number | null;
}

interface Props extends ApplyPrefill {
  onCancel: () => void;
  onDone: (saved: ApplicationRow) => void;
}

// The server refuses an ineligible firm's claim without a reason with a 400 naming the field.
const asksOverride = (e: unknown) =>
  isApiError(e) &&
  e.status === 400 &&
  (e.fieldIssues.some((i) => i.path === "overrideReason") || /overrideReason|不符合/.test(e.message));

/**
 * 申报 / 代为申报: the claim (amount, year, note, documents); for a firm that does not meet the
 * clause, staff write why it is accepted anyway. An enterprise user applies for their own firm.
 */
export const ApplicationForm = ({
  clause,
  firm,
  eligible,
  reasons = [],
  estimateFen,
  onCancel,
  onDone,
}: Props) => {
  const { t } = useTranslation("policies");
  const { firmUser } = useOwnFirm();
  const [form] = Form.useForm<Values>();
  const apply = useApply();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const [picked, setPicked] = useState<ClauseBits | null>(clause ?? null);
  const [override, setOverride] = useState(eligible === false && !firmUser);
  const period = picked?.period;
  const duplicate = isApiError(error) && error.status === 409 && error.code === "DUPLICATE";

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    try {
      const saved = await apply.mutateAsync({
        clauseId: clause?.id ?? v.clauseId ?? "",
        ...(firmUser ? {} : { enterpriseId: firm?.id ?? v.enterpriseId ?? "" }),
        ...(period === "year" && v.year ? { year: v.year } : {}),
        claimedFen: wanToFen(v.claimedWan ?? 0),
        note: v.note.trim() || null,
        fileIds: v.fileIds,
        ...(override && v.overrideReason.trim() ? { overrideReason: v.overrideReason.trim() } : {}),
      });
      onDone(saved);
    } catch (e) {
      if (asksOverride(e) && !firmUser && !override) {
        setOverride(true);
        setError(e);
        return;
      }
      setExtra(applyServerErrors(form, e, "clauseId"));
      setError(e);
    }
  };

  return (
    <Form<Values>
      form={form}
      name="apply"
      layout="vertical"
      initialValues={{
        clauseId: clause?.id ?? null,
        enterpriseId: firm?.id ?? null,
        year: dayjs().year(),
        claimedWan: estimateFen === null || estimateFen === undefined ? null : fenToWan(estimateFen),
        note: "",
        fileIds: [],
        overrideReason: "",
      }}
      onFinish={onFinish}
      scrollToFirstError
    >
      <ApiErrorAlert error={duplicate ? null : error} extraIssues={extra} />
      {duplicate && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={isApiError(error) ? error.message : t("apply.duplicate")}
        />
      )}
      {clause ? (
        <Form.Item label={t("field.clause")}>
          <Flex gap={8} wrap align="center">
            <Typography.Text strong>{clause.name}</Typography.Text>
            <Typography.Text type="secondary">{t(`period.${clause.period}`)}</Typography.Text>
            {clause.fairReview && <FairReviewTag note={clause.fairReviewNote} />}
          </Flex>
        </Form.Item>
      ) : (
        <Form.Item
          name="clauseId"
          label={t("field.clause")}
          rules={[{ required: true, message: t("apply.clauseRequired") }]}
        >
          <ClausePicker activeOnly placeholder={t("apply.clausePh")} onPicked={setPicked} />
        </Form.Item>
      )}
      {firmUser ? (
        <Typography.Paragraph type="secondary">{t("apply.firmSelf")}</Typography.Paragraph>
      ) : firm ? (
        <Form.Item label={t("field.enterprise")}>
          <Typography.Text strong>{firm.name}</Typography.Text>
        </Form.Item>
      ) : (
        <Form.Item
          name="enterpriseId"
          label={t("field.enterprise")}
          rules={[{ required: true, message: t("apply.firmRequired") }]}
        >
          <FirmPicker placeholder={t("apply.firmPh")} />
        </Form.Item>
      )}
      {eligible === false && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t("apply.ineligible")}
          description={reasons.length > 0 ? reasons.join("；") : undefined}
        />
      )}
      <Flex gap={16} wrap>
        <Form.Item
          name="claimedWan"
          label={t("apply.claimedWan")}
          rules={[{ required: true, message: t("apply.claimedRequired") }]}
          extra={
            estimateFen === undefined
              ? undefined
              : estimateFen === null
                ? t("apply.claimedHintNone")
                : t("apply.claimedHint", { amount: formatWan(estimateFen) })
          }
        >
          <InputNumber<number>
            min={0}
            max={100_000_000}
            suffix={t("field.unit")}
            style={{ width: 220 }}
            autoFocus
          />
        </Form.Item>
        {period === "year" && (
          <Form.Item
            name="year"
            label={t("field.year")}
            rules={[zodRule(applicationCreate.shape.year, "omit")]}
          >
            <InputNumber<number> min={2000} max={2100} precision={0} style={{ width: 120 }} />
          </Form.Item>
        )}
      </Flex>
      <Form.Item name="note" label={t("field.note")} rules={[zodRule(applicationCreate.shape.note, "null")]}>
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t("apply.notePh")} />
      </Form.Item>
      <Form.Item name="fileIds" label={t("field.files")}>
        <FileField uploadLabel={t("apply.upload")} />
      </Form.Item>
      {override && (
        <Form.Item
          name="overrideReason"
          label={t("field.overrideReason")}
          extra={t("apply.overrideHint")}
          rules={[
            { required: true, whitespace: true, message: t("apply.overrideRequired") },
            zodRule(applicationCreate.shape.overrideReason, "omit"),
          ]}
        >
          <Input.TextArea rows={2} maxLength={500} showCount placeholder={t("apply.overridePh")} />
        </Form.Item>
      )}
      {duplicate && <DuplicateLink error={error} />}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onCancel}>{t("common:action.cancel")}</Button>
        <Button
          type="primary"
          htmlType="submit"
          loading={apply.isPending}
          disabled={firmUser && eligible === false}
        >
          {t("apply.submit")}
        </Button>
      </Flex>
    </Form>
  );
};

/** A duplicate names the application already filed, when the server says which. */
const DuplicateLink = ({ error }: { error: unknown }) => {
  const { t } = useTranslation("policies");
  const details = isApiError(error) ? error.details : null;
  const id =
    typeof details === "object" && details !== null && "applicationId" in details
      ? String((details as { applicationId: unknown }).applicationId)
      : null;
  if (!id) return null;
  return (
    <Typography.Paragraph>
      <Link to={`/policies/applications/${id}`}>{t("apply.viewExisting")}</Link>
    </Typography.Paragraph>
  );
};
