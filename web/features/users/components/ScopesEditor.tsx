import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Form, type FormInstance, Select, Typography } from "antd";
import type { ComponentType } from "react";
import { useTranslation } from "react-i18next";
import { type ScopeKind, scopeKinds } from "../../../../common/enums";
import { type PickerProps, useExtensions } from "../../../lib/extensions";

/** Kinds an administrator grants here; enterprise and assignment scopes come from their own modules. */
const editable: readonly ScopeKind[] = ["all", "region", "park", "team", "department"];

export interface ScopeValue {
  kind: ScopeKind | null;
  refId: string | null;
}

/** Scope grants: a kind, and for every kind but "all" the region, park, team or department it names. */
export const ScopesEditor = ({ form }: { form: FormInstance }) => {
  const { t } = useTranslation("users");
  const ext = useExtensions();
  const pickers: Partial<Record<ScopeKind, ComponentType<PickerProps>>> = {
    region: ext.RegionPicker,
    park: ext.ParkPicker,
    team: ext.TeamPicker,
    department: ext.DepartmentPicker,
  };

  return (
    <Form.List
      name="scopes"
      rules={[
        {
          validator: async (_r, v: ScopeValue[] | undefined) => {
            if (!v || v.length === 0) throw new Error("至少设置一个数据范围");
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="flex-start">
              <Form.Item
                name={[field.name, "kind"]}
                rules={[{ required: true, message: t("scopeKind") }]}
                style={{ width: 150, marginBottom: 12 }}
              >
                <Select<ScopeKind>
                  aria-label={t("scopeKind")}
                  placeholder={t("scopeKind")}
                  onChange={() => form.setFieldValue(["scopes", field.name, "refId"], null)}
                  options={scopeKinds.map((k) => ({
                    value: k,
                    label: t(`enums:scopeKind.${k}`),
                    disabled: !editable.includes(k),
                    title: editable.includes(k) ? undefined : t("scopeUnsupported"),
                  }))}
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {() => {
                  const kind = form.getFieldValue(["scopes", field.name, "kind"]) as ScopeKind | null;
                  if (kind === "all" || !kind) {
                    return (
                      <Typography.Text type="secondary" style={{ flex: 1, lineHeight: "32px" }}>
                        {kind === "all" ? t("scopeAllHint") : ""}
                      </Typography.Text>
                    );
                  }
                  const Picker = pickers[kind];
                  return (
                    <Form.Item
                      name={[field.name, "refId"]}
                      rules={[{ required: true, message: t("scopeRefRequired") }]}
                      style={{ flex: 1, marginBottom: 12 }}
                    >
                      {Picker ? <Picker placeholder={t("scopeRef")} /> : <Select disabled />}
                    </Form.Item>
                  );
                }}
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                aria-label={t("common:action.delete")}
                onClick={() => remove(field.name)}
                disabled={fields.length <= 1}
              />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: "region", refId: null })}>
            {t("scopeAdd")}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
};
