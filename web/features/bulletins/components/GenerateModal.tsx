import { Alert, Checkbox, Form, Modal, Select, Spin } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import {
  type BulletinRow,
  bulletinCadenceLabels,
  type ScheduleRow,
} from "../../../../common/bulletin.schema";
import { type Period, periodOf, previousPeriod, toDay } from "../../../../common/kpi.period";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { useGenerateBulletin, useSchedules } from "../api/bulletins.api";

/** The last ended period first, then the running one and earlier ones: what a bulletin is written for. */
export const periodChoices = (cadence: Period["kind"], today = toDay(new Date())): Period[] => {
  const current = periodOf(cadence, today);
  const out: Period[] = [];
  let p = previousPeriod(current);
  for (let i = 0; i < 12; i++, p = previousPeriod(p)) out.push(p);
  return [out[0]!, current, ...out.slice(1)];
};

interface Values {
  scheduleId: string;
  periodKey: string;
  regenerate: boolean;
}

/** 生成通报: pick a schedule and a period; the server writes docx + xlsx and archives them. */
export const GenerateModal = ({
  initialSchedule,
  onClose,
  onDone,
}: {
  initialSchedule?: ScheduleRow;
  onClose: () => void;
  onDone: (row: BulletinRow) => void;
}) => {
  const { t } = useTranslation("bulletins");
  const [form] = Form.useForm<Values>();
  const schedules = useSchedules({ pageSize: 200 });
  const generate = useGenerateBulletin();
  const items = schedules.data?.items ?? [];
  const scheduleId = Form.useWatch("scheduleId", form) ?? initialSchedule?.id ?? items[0]?.id;
  const schedule = items.find((s) => s.id === scheduleId) ?? initialSchedule;
  const periods = useMemo(() => (schedule ? periodChoices(schedule.cadence) : []), [schedule]);
  return (
    <Modal
      open
      title={t("generate.title")}
      okText={t("generate.ok")}
      onCancel={generate.isPending ? undefined : onClose}
      closable={!generate.isPending}
      maskClosable={false}
      okButtonProps={{ loading: generate.isPending, disabled: !schedule }}
      cancelButtonProps={{ disabled: generate.isPending }}
      onOk={() =>
        void form.validateFields().then((v) =>
          generate.mutate(
            {
              scheduleId: v.scheduleId ?? schedule!.id,
              body: { periodKey: v.periodKey ?? periods[0]!.key, regenerate: Boolean(v.regenerate) },
            },
            { onSuccess: onDone },
          ),
        )
      }
    >
      {schedules.isLoading ? (
        <Spin />
      ) : items.length === 0 && !initialSchedule ? (
        <Alert type="info" showIcon message={t("generate.noSchedules")} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          disabled={generate.isPending}
          initialValues={{ scheduleId: schedule?.id, periodKey: periods[0]?.key, regenerate: false }}
        >
          <Form.Item name="scheduleId" label={t("generate.schedule")}>
            <Select
              options={items.map((s) => ({
                value: s.id,
                label: `${s.name}（${bulletinCadenceLabels[s.cadence]}）`,
              }))}
              onChange={(id: string) => {
                const s = items.find((x) => x.id === id);
                if (s) form.setFieldValue("periodKey", periodChoices(s.cadence)[0]!.key);
              }}
            />
          </Form.Item>
          <Form.Item name="periodKey" label={t("generate.period")}>
            <Select options={periods.map((p) => ({ value: p.key, label: p.label }))} />
          </Form.Item>
          <Form.Item name="regenerate" valuePropName="checked">
            <Checkbox>{t("generate.regenerate")}</Checkbox>
          </Form.Item>
        </Form>
      )}
      {generate.isPending && <Alert type="info" showIcon message={t("generate.pending")} />}
      <ApiErrorAlert error={generate.error} />
    </Modal>
  );
};
