import { Empty, Flex, Steps, Table, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ApplicationDetail, ApplicationEvent, Payout } from "../../../../common/policy.schema";
import { formatDate, formatDateTime, formatWan } from "../../../lib/format";

const eventColor: Record<ApplicationEvent["kind"], string> = {
  submitted: "gray",
  passed: "blue",
  rejected: "red",
  approved: "green",
  paid: "green",
};

/** What happened to the application, oldest first, each with who and when. */
export const ApplicationTimeline = ({ events }: { events: ApplicationEvent[] }) => {
  const { t } = useTranslation("policies");
  if (events.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("app.noEvents")} />;
  return (
    <Timeline
      data-testid="application-timeline"
      items={events.map((e) => ({
        key: e.id,
        color: eventColor[e.kind],
        content: (
          <Flex vertical gap={2}>
            <Flex gap={8} wrap align="center">
              <Typography.Text strong>{t(`event.${e.kind}`)}</Typography.Text>
              {e.step && <Typography.Text>{e.step}</Typography.Text>}
              {e.amountFen !== null && <Typography.Text>{formatWan(e.amountFen)}</Typography.Text>}
            </Flex>
            {e.text && <Typography.Text style={{ whiteSpace: "pre-wrap" }}>{e.text}</Typography.Text>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.actorName ?? t("app.system")} · {formatDateTime(e.at)}
            </Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
};

/** 兑付记录: each payout with its day, voucher and who recorded it. */
export const PayoutsTable = ({ payouts }: { payouts: Payout[] }) => {
  const { t } = useTranslation("policies");
  return (
    <Table<Payout>
      rowKey="id"
      size="small"
      dataSource={payouts}
      pagination={false}
      data-testid="payouts-table"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("app.noPayouts")} /> }}
      columns={[
        { title: t("app.paidOn"), dataIndex: "paidOn", width: 120, render: (v: string) => formatDate(v) },
        {
          title: t("app.amount"),
          dataIndex: "amountFen",
          align: "right",
          render: (v: number) => formatWan(v),
        },
        { title: t("app.voucherNo"), dataIndex: "voucherNo", render: (v: string | null) => v ?? "—" },
        { title: t("app.recordedBy"), dataIndex: "recordedByName", render: (v: string | null) => v ?? "—" },
      ]}
    />
  );
};

type StepStatus = "wait" | "process" | "finish" | "error";

/**
 * The clause's review steps and the payout after them, as a step bar: done steps with who passed
 * them and when, the step now due, or the one that refused the claim.
 */
export const ApplicationSteps = ({ a }: { a: ApplicationDetail }) => {
  const { t } = useTranslation("policies");
  const decidedAt = (step: string) =>
    [...a.events]
      .reverse()
      .find(
        (e) => e.step === step && (e.kind === "passed" || e.kind === "rejected" || e.kind === "approved"),
      );
  const refusal = [...a.events].reverse().find((e) => e.kind === "rejected");
  const refusedAt = refusal?.step ? a.steps.indexOf(refusal.step) : -1;
  const rejectedIndex = refusedAt >= 0 ? refusedAt : Math.max(0, a.steps.length - 1);
  const current =
    a.status === "reviewing" ? (a.stepIndex ?? 0) : a.status === "rejected" ? rejectedIndex : a.steps.length;
  const status: StepStatus = a.status === "rejected" ? "error" : a.status === "paid" ? "finish" : "process";
  const lastPaid = [...a.events].reverse().find((e) => e.kind === "paid");
  const items = [
    ...a.steps.map((s) => {
      const e = decidedAt(s);
      return {
        title: s,
        content: e ? `${e.actorName ?? ""} ${formatDate(e.at)}` : undefined,
      };
    }),
    {
      title: t("app.payStep"),
      content: lastPaid ? formatDate(lastPaid.at) : undefined,
    },
  ];
  return <Steps current={current} status={status} items={items} data-testid="application-steps" />;
};
