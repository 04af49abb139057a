import { Button, Checkbox, Flex, Form, Input, Radio, Select, Switch } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ChannelKind,
  type ChannelView,
  channelFields,
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
  recipients: string[];
  sender: string;
}

interface Props {
  record: ChannelView | null;
  knownKinds: string[];
  onDone: (saved: ChannelView) => void;
  onCancel: () => void;
}

const s = channelFields;
/** Kinds that keep a secret: DingTalk's signing secret, the SMTP password. */
const withSecret = (k: ChannelKind) => k !== "wecom";

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
      ...(v.kind === "email" ? { recipients: v.recipients, sender: v.sender.trim() || null } : {}),
    };
    try {
      const saved = record
        ? await update.mutateAsync({
            id: record.id,
            body: {
              ...common,
              version: record.version,
              ...(v.clearSecret || !withSecret(v.kind) ? { secret: null } : secret ? { secret } : {}),
            },
          })
        : await create.mutateAsync({ ...common, secret: withSecret(v.kind) && secret ? secret : null });
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
        recipients: record?.recipients ?? [],
        sender: record?.sender ?? "",
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
        label={kind === "email" ? t("channel.urlEmail") : t("channel.url")}
        required
        rules={[zodRule(s.url)]}
        extra={t(
          kind === "wecom"
            ? "channel.urlHelpWecom"
            : kind === "email"
              ? "channel.urlHelpEmail"
              : "channel.urlHelpDingtalk",
        )}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} spellCheck={false} />
      </Form.Item>
      {kind === "email" && (
        <>
          <Form.Item
            name="recipients"
            label={t("channel.recipients")}
            required
            rules={[{ type: "array", min: 1, message: t("channel.recipientsPh") }]}
          >
            <Select
              mode="tags"
              open={false}
              placeholder={t("channel.recipientsPh")}
              tokenSeparators={[",", "，", ";", "；", " "]}
            />
          </Form.Item>
          <Form.Item name="sender" label={t("channel.sender")} extra={t("channel.senderHelp")}>
            <Input placeholder="noreply@example.gov.cn" maxLength={200} />
          </Form.Item>
        </>
      )}
      {withSecret(kind) && (
        <>
          <Form.Item
            name="secret"
            label={t(kind === "email" ? "channel.secretEmail" : "channel.secret")}
            extra={t(kind === "email" ? "channel.secretHelpEmail" : "channel.secretHelp")}
          >
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
