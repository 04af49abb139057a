import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { clauseFields } from "../../../../common/policy.schema";
import { zodRule } from "../../../lib/forms";

/** The review steps a clause's applications pass, in the order given here. */
export const defaultSteps = ["园区初审", "部门复审", "财政终审"];
const maxSteps = 6;

/**
 * 审核环节 as an editable ordered list: rename, move up or down, remove, add. Every button is a
 * real button with a name, so the list is run from the keyboard as well as the mouse.
 */
export const StepsField = () => {
  const { t } = useTranslation("policies");
  return (
    <Form.List
      name="steps"
      rules={[
        {
          validator: async (_r, v: string[] | undefined) => {
            // Each name is checked on its own row; the list itself only needs one.
            if (!v || v.length === 0)
              throw new Error(clauseFields.steps.safeParse([]).error?.issues[0]?.message);
          },
        },
      ]}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <Form.Item label={t("field.steps")} required extra={t("form.steps")}>
          <Flex vertical gap={8} data-testid="steps-field">
            {fields.map((f, i) => (
              <StepRow
                key={f.key}
                index={i}
                name={f.name}
                last={i === fields.length - 1}
                onUp={() => move(i, i - 1)}
                onDown={() => move(i, i + 1)}
                onRemove={() => remove(i)}
                removable={fields.length > 1}
              />
            ))}
            {fields.length < maxSteps && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add("")} style={{ width: 200 }}>
                {t("form.addStep")}
              </Button>
            )}
            <Form.ErrorList errors={errors} />
          </Flex>
        </Form.Item>
      )}
    </Form.List>
  );
};

interface RowProps {
  index: number;
  name: number;
  last: boolean;
  removable: boolean;
  onUp: () => void;
  onDown: () => void;
  onRemove: () => void;
}

const StepRow = ({ index, name, last, removable, onUp, onDown, onRemove }: RowProps) => {
  const { t } = useTranslation("policies");
  const form = Form.useFormInstance();
  const value = (Form.useWatch(["steps", name], form) as string | undefined) ?? "";
  const label = value || t("form.stepPh");
  return (
    <Flex gap={8} align="flex-start">
      <Typography.Text type="secondary" style={{ width: 20, lineHeight: "32px", textAlign: "right" }}>
        {index + 1}
      </Typography.Text>
      <Form.Item
        name={name}
        style={{ marginBottom: 0, flex: 1 }}
        rules={[
          { required: true, whitespace: true, message: t("form.stepRequired") },
          zodRule(clauseFields.steps.element),
        ]}
      >
        <Input
          maxLength={20}
          placeholder={t("form.stepPh")}
          aria-label={`${t("field.steps")} ${index + 1}`}
        />
      </Form.Item>
      <Button
        icon={<ArrowUpOutlined />}
        disabled={index === 0}
        onClick={onUp}
        aria-label={t("form.moveUp", { name: label })}
      />
      <Button
        icon={<ArrowDownOutlined />}
        disabled={last}
        onClick={onDown}
        aria-label={t("form.moveDown", { name: label })}
      />
      <Button
        icon={<DeleteOutlined />}
        danger
        disabled={!removable}
        onClick={onRemove}
        aria-label={t("form.removeStep", { name: label })}
      />
    </Flex>
  );
};
