import { Button, Checkbox, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { linkFields } from "../../../../common/chain.prospect";
import {
  type ChainRow,
  chainListKinds,
  chainListLabels,
  type StrengthRule,
} from "../../../../common/chain.schema";
import type { Condition } from "../../../../common/conditions";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ConditionEditor, conditionProblem } from "../../../components/ConditionEditor";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { useUpdateChain } from "../api/chains.api";

interface Values {
  chiefId: string | null;
  chiefTitle: string | null;
  departmentId: string | null;
  teamId: string | null;
  goals: string;
  lists: ChainRow["lists"];
  strong: Condition;
  weak: Condition;
}

const conditionRule = (msg: (p: string) => string) => ({
  validator: (_: unknown, v: Condition | undefined) => {
    const p = conditionProblem(v, linkFields);
    return p ? Promise.reject(new Error(msg(p))) : Promise.resolve();
  },
});

/** 链长制 and the strength rule: the link fields of the condition language, edited as conditions. */
export const ChainSettings = ({ chain, canManage }: { chain: ChainRow; canManage: boolean }) => {
  const { t } = useTranslation("chains");
  const feedback = useFeedback();
  const { UserPicker, DepartmentPicker, TeamPicker } = useExtensions();
  const update = useUpdateChain();
  const [form] = Form.useForm<Values>();
  const save = (v: Values) => {
    const rule: StrengthRule = { strong: v.strong, weak: v.weak };
    update.mutate(
      {
        id: chain.id,
        body: {
          chiefId: v.chiefId ?? null,
          chiefTitle: v.chiefTitle || null,
          departmentId: v.departmentId ?? null,
          teamId: v.teamId ?? null,
          lists: v.lists,
          goals: v.goals
            .split("\n")
            .map((s) => s.trim())
            .filter((s) => s.length >= 2)
            .map((text) => ({ text })),
          rule,
          version: chain.version,
        },
      },
      { onSuccess: () => feedback.success(t("settings.saved")) },
    );
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      disabled={!canManage}
      onFinish={save}
      initialValues={{
        chiefId: chain.chiefId,
        chiefTitle: chain.chiefTitle,
        departmentId: chain.departmentId,
        teamId: chain.teamId,
        lists: chain.lists,
        goals: chain.goals.map((g) => g.text).join("\n"),
        strong: chain.rule.strong,
        weak: chain.rule.weak,
      }}
      style={{ maxWidth: 900 }}
    >
      <Form.Item name="chiefId" label={t("chain.chief")}>
        <UserPicker allowClear />
      </Form.Item>
      <Form.Item name="chiefTitle" label={`${t("chain.chief")}（职务）`}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="departmentId" label={t("chain.department")}>
        <DepartmentPicker allowClear regionId={chain.regionId} />
      </Form.Item>
      <Form.Item name="teamId" label={t("chain.team")}>
        <TeamPicker allowClear regionId={chain.regionId} />
      </Form.Item>
      <Form.Item name="goals" label={t("chain.goals")} extra="每行一条目标">
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="lists" label={t("settings.lists")}>
        <Checkbox.Group options={chainListKinds.map((k) => ({ value: k, label: chainListLabels[k] }))} />
      </Form.Item>
      <Typography.Title level={5}>{t("settings.rule")}</Typography.Title>
      <Form.Item name="strong" label={t("settings.strong")} rules={[conditionRule((p) => p)]}>
        <ConditionEditor fields={linkFields} />
      </Form.Item>
      <Form.Item name="weak" label={t("settings.weak")} rules={[conditionRule((p) => p)]}>
        <ConditionEditor fields={linkFields} />
      </Form.Item>
      <ApiErrorAlert error={update.error} />
      {canManage && (
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t("settings.save")}
        </Button>
      )}
    </Form>
  );
};
