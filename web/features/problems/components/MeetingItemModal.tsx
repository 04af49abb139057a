import { Checkbox, Flex, Form, Input, InputNumber, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MeetingDetail, ProblemRow } from "../../../../common/problem.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import type { FieldIssue } from "../../../lib/api";
import { useFeedback } from "../../../lib/feedback";
import { applyServerErrors } from "../../../lib/forms";
import { useAddMeetingItem } from "../api/meetings.api";
import { AssignDepartmentPicker, ProblemPicker } from "./pickers";

interface Values {
  problemId: string | null;
  decision: string;
  reassign: boolean;
  departmentId: string | null;
  deadlineWorkdays: number | null;
}

/** 添加研究问题: the problem, the meeting's decision, and a new assignment when one was made. */
export const MeetingItemModal = ({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) => {
  const { t } = useTranslation("problems");
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const add = useAddMeetingItem();
  const [picked, setPicked] = useState<ProblemRow | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const reassign = Form.useWatch("reassign", form);

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    try {
      await add.mutateAsync({
        id: meeting.id,
        body: {
          problemId: v.problemId ?? "",
          decision: v.decision.trim(),
          assign:
            v.reassign && v.departmentId
              ? { departmentId: v.departmentId, deadlineWorkdays: v.deadlineWorkdays ?? 0 }
              : null,
          ...(picked ? { problemVersion: picked.version } : {}),
        },
      });
      feedback.success(t("meeting.itemAdded"));
      onClose();
    } catch (e) {
      setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };

  return (
    <Modal
      open
      width={600}
      title={t("meeting.addItemTitle")}
      onCancel={onClose}
      okText={t("common:action.save")}
      cancelText={t("common:action.cancel")}
      okButtonProps={{ htmlType: "submit", loading: add.isPending }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{
            problemId: null,
            decision: "",
            reassign: false,
            departmentId: null,
            deadlineWorkdays: 10,
          }}
          onFinish={onFinish}
        >
          {dom}
        </Form>
      )}
    >
      <ApiErrorAlert error={error} extraIssues={extra} onReload={onClose} />
      <Form.Item
        name="problemId"
        label={t("meeting.problem")}
        rules={[{ required: true, message: t("meeting.problemRequired") }]}
        extra={
          picked
            ? [
                picked.departmentName,
                picked.dueOn ? `${t("field.dueOn")} ${picked.dueOn}` : null,
                t(`status.${picked.status}`),
              ]
                .filter(Boolean)
                .join(" · ")
            : undefined
        }
      >
        <ProblemPicker placeholder={t("meeting.problemPh")} onPicked={setPicked} />
      </Form.Item>
      <Form.Item
        name="decision"
        label={t("meeting.decision")}
        rules={[{ required: true, whitespace: true, message: t("meeting.decisionRequired") }]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t("meeting.decisionPh")} />
      </Form.Item>
      <Form.Item name="reassign" valuePropName="checked">
        <Checkbox disabled={!picked}>{t("meeting.reassign")}</Checkbox>
      </Form.Item>
      {reassign && picked && (
        <>
          <Flex gap={16} wrap>
            <Form.Item
              name="departmentId"
              label={t("field.department")}
              style={{ flex: "1 1 280px" }}
              rules={[{ required: true, message: t("form.departmentRequired") }]}
            >
              <AssignDepartmentPicker regionId={picked.regionId} placeholder={t("form.departmentPh")} />
            </Form.Item>
            <Form.Item
              name="deadlineWorkdays"
              label={t("field.deadline")}
              rules={[{ required: true, message: t("form.deadlineRequired") }]}
            >
              <InputNumber<number>
                min={1}
                max={250}
                precision={0}
                suffix={t("field.deadlineUnit")}
                style={{ width: 170 }}
              />
            </Form.Item>
          </Flex>
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            {t("meeting.reassignHint")}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
};
