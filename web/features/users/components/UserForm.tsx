import { Button, Flex, Form, Input, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Role, roles } from "../../../../common/enums";
import { type User, userCreate } from "../../../../common/users.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { type FieldIssue, isApiError } from "../../../lib/api";
import { useExtensions } from "../../../lib/extensions";
import { applyServerErrors, zodRule } from "../../../lib/forms";
import { type UserCreate, useCreateUser, useUpdateUser } from "../api/users.api";
import { ScopesEditor, type ScopeValue } from "./ScopesEditor";

interface Props {
  user: User | null;
  onCreated: (user: User, password: string) => void;
  onSaved: (user: User) => void;
  onCancel: () => void;
  onReload: () => void;
}

interface Values {
  username: string;
  name: string;
  phone: string;
  regionId: string | null;
  departmentId: string | null;
  roles: Role[];
  scopes: ScopeValue[];
  password: string;
}

const toValues = (u: User | null): Values => ({
  username: u?.username ?? "",
  name: u?.name ?? "",
  phone: u?.phone ?? "",
  regionId: u?.regionId ?? null,
  departmentId: u?.departmentId ?? null,
  roles: u?.roles ?? [],
  scopes: u?.scopes.map((s) => ({ kind: s.kind, refId: s.refId })) ?? [{ kind: "region", refId: null }],
  password: "",
});

const s = userCreate.shape;

export const UserForm = ({ user, onCreated, onSaved, onCancel, onReload }: Props) => {
  const { t } = useTranslation("users");
  const { RegionPicker, DepartmentPicker } = useExtensions();
  const [form] = Form.useForm<Values>();
  const regionId = Form.useWatch("regionId", form);
  const create = useCreateUser();
  const update = useUpdateUser();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    const common = {
      name: v.name.trim(),
      phone: v.phone.trim() || null,
      regionId: v.regionId ?? null,
      departmentId: v.departmentId ?? null,
      roles: v.roles,
      scopes: v.scopes.map((x) => ({ kind: x.kind ?? "all", refId: x.kind === "all" ? null : x.refId })),
    } satisfies Omit<UserCreate, "username" | "password">;
    try {
      if (user) {
        onSaved(await update.mutateAsync({ id: user.id, body: { ...common, version: user.version } }));
      } else {
        const r = await create.mutateAsync({
          ...common,
          username: v.username.trim(),
          password: v.password ? v.password : undefined,
        });
        onCreated(r.user, r.password);
      }
    } catch (e) {
      setExtra(applyServerErrors(form, e, user ? undefined : "username"));
      setError(e);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={toValues(user)}
      onFinish={onFinish}
      // The banner is about the last save; an edit makes it stale (a stale version stays: its reload still applies).
      onValuesChange={() => {
        if (!(isApiError(error) && error.code === "STALE_VERSION")) setError(null);
      }}
      onFinishFailed={() => setError(null)}
      scrollToFirstError
    >
      <ApiErrorAlert error={error} extraIssues={extra} onReload={onReload} />
      <Flex gap={16}>
        <Form.Item
          name="username"
          label={t("username")}
          extra={user ? undefined : t("usernameHint")}
          required
          rules={user ? [] : [zodRule(s.username)]}
          style={{ flex: 1 }}
        >
          <Input disabled={Boolean(user)} autoFocus={!user} autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item name="name" label={t("name")} required rules={[zodRule(s.name)]} style={{ flex: 1 }}>
          <Input autoFocus={Boolean(user)} maxLength={50} />
        </Form.Item>
      </Flex>
      <Form.Item name="phone" label={t("phone")} rules={[zodRule(s.phone)]}>
        <Input inputMode="tel" maxLength={30} style={{ maxWidth: 260 }} />
      </Form.Item>
      <Flex gap={16}>
        <Form.Item name="regionId" label={t("region")} style={{ flex: 1 }}>
          <RegionPicker />
        </Form.Item>
        <Form.Item name="departmentId" label={t("department")} style={{ flex: 1 }}>
          <DepartmentPicker regionId={regionId ?? null} placeholder={t("department")} />
        </Form.Item>
      </Flex>
      <Form.Item name="roles" label={t("roles")} required rules={[zodRule(s.roles, "null")]}>
        <Select<Role[]>
          mode="multiple"
          showSearch={{ optionFilterProp: "label" }}
          placeholder={t("rolesPh")}
          options={roles.map((r) => ({ value: r, label: t(`enums:role.${r}`) }))}
        />
      </Form.Item>
      <Form.Item label={t("scopes")} extra={t("scopesHint")} required>
        <ScopesEditor form={form} />
      </Form.Item>
      {!user && (
        <Form.Item
          name="password"
          label={t("password")}
          extra={t("passwordHint")}
          rules={[zodRule(s.password, "omit")]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
      )}
      <Flex gap={8} justify="flex-end">
        <Button onClick={onCancel}>{t("common:action.cancel")}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>
          {t("common:action.save")}
        </Button>
      </Flex>
    </Form>
  );
};
