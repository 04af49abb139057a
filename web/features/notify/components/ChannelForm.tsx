import { Button, Checkbox, Flex, Form, Input, Radio, Select, Switch } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ChannelKind,
  type ChannelView,
  channelCreate,
  channelKinds,
} from "../../../../common/notify.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { applyServerErrors, zodRule } from "../../../lib/forms";
import { useCreateChannel, useUpdateChannel } from "../api/channels.api";

interface Values {
  kind: ChannelKind;
  name: string;
  url: string;
  secret: string;
  clearSecret: boolean;
  enabled: boolean;
  kinds: string[];
}

interface Props {
  record: ChannelView | null;
  knownKinds: string[];
  onDone: (saved: ChannelView) => void;
  onCancel: () => void;
}

const s = channelCreate.shape;

/**
 * A channel's form. The secret is never sent back by the server: editing shows
 * its masked form, a blank field keeps it, and a checkbox clears it.
 */
export const ChannelForm = ({ record, knownKinds, onDone, onCancel }: Props) => {
  const { t } = useTranslation("notify");
  const [form] = Form.useForm<Values>();
  const create = useCreateChannel();
  const update = useUpdateChannel();
  const [error, setError] = useState<unknown>(null);
  const kind = Form.useWatch("kind", form) ?? record?.kind ?? "dingtalk";
  const clearSecret = Form.useWatch("clearSecret", form);

  const submit = async (v: Values) => {
    setError(null);
    const secret = v.secret.trim();
    const common = {
      kind: v.kind,
      name: v.name.trim(),
      url: v.url.trim(),
      enabled: v.enabled,
      kinds: v.kinds,
    };
    try {
      const saved = record
        ? await update.mutateAsync({
            id: record.id,
            body: {
              ...common,
              version: record.version,
              ...(v.clearSecret || v.kind === "wecom" ? { secret: null } : secret ? { secret } : {}),
            },
          })
        : await create.mutateAsync({ ...common, secret: v.kind === "dingtalk" && secret ? secret : null });
      onDone(saved);
    } catch (e) {
      applyServerErrors(form, e, "name");
      setError(e);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      initialValues={{
        kind: record?.kind ?? "dingtalk",
        name: record?.name ?? "",
        url: record?.url ?? "",
        secret: "",
        clearSecret: false,
        enabled: record?.enabled ?? true,
        kinds: record?.kinds ?? [],
      }}
      scrollToFirstError
    >
      <ApiErrorAlert error={error} />
      <Form.Item name="kind" label={t("channel.kind")} required>
        <Radio.Group
          optionType="button"
          options={channelKinds.map((k) => ({ value: k, label: t(`channelKind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="name" label={t("channel.name")} required rules={[zodRule(s.name)]}>
        <Input placeholder={t("channel.namePh")} maxLength={60} showCount autoFocus />
      </Form.Item>
      <Form.Item
        name="url"
        label={t("channel.url")}
        required
        rules={[zodRule(s.url)]}
        extra={kind === "wecom" ? t("channel.urlHelpWecom") : t("channel.urlHelpDingtalk")}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} spellCheck={false} />
      </Form.Item>
      {kind === "dingtalk" && (
        <>
          <Form.Item name="secret" label={t("channel.secret")} extra={t("channel.secretHelp")}>
            <Input.Password
              autoComplete="new-password"
              disabled={clearSecret}
              placeholder={
                record?.secretMasked ? t("channel.secretKeep", { masked: record.secretMasked }) : ""
              }
            />
          </Form.Item>
          {record?.secretMasked && (
            <Form.Item name="clearSecret" valuePropName="checked" style={{ marginTop: -12 }}>
              <Checkbox>{t("channel.secretClear")}</Checkbox>
            </Form.Item>
          )}
        </>
      )}
      <Form.Item name="kinds" label={t("channel.kinds")} extra={t("channel.kindsHelp")}>
        <Select
          mode="tags"
          placeholder={t("channel.kindsAll")}
          options={knownKinds.map((k) => ({ value: k, label: k }))}
          tokenSeparators={[",", "，", " "]}
        />
      </Form.Item>
      <Form.Item name="enabled" label={t("channel.enabled")} valuePropName="checked">
        <Switch checkedChildren={t("channel.on")} unCheckedChildren={t("channel.off")} />
      </Form.Item>
      <Flex gap={8} justify="flex-end">
        <Button onClick={onCancel}>{t("common:action.cancel")}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>
          {t("common:action.save")}
        </Button>
      </Flex>
    </Form>
  );
};
