import { CopyOutlined } from "@ant-design/icons";
import { Alert, Button, Flex, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  shown: { name: string; password: string } | null;
  onClose: () => void;
}

/** A generated password, shown once, with a copy button. */
export const PasswordModal = ({ shown, onClose }: Props) => {
  const { t } = useTranslation("users");
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (!shown) return;
    try {
      await navigator.clipboard.writeText(shown.password);
      setCopied(true);
    } catch {
      // No clipboard (plain http on an intranet): the text stays selectable.
      setCopied(false);
    }
  };
  return (
    <Modal
      open={shown !== null}
      title={shown ? t("pwTitle", { name: shown.name }) : ""}
      onCancel={onClose}
      mask={{ closable: false }}
      afterClose={() => setCopied(false)}
      footer={
        <Button type="primary" onClick={onClose}>
          {t("pwClose")}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t("pwOnce")} style={{ marginBottom: 16 }} />
      <Flex gap={8} align="center">
        <Typography.Text
          code
          copyable={false}
          data-testid="generated-password"
          style={{ fontSize: 20, userSelect: "all" }}
        >
          {shown?.password}
        </Typography.Text>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          {copied ? t("common:action.copied") : t("common:action.copy")}
        </Button>
      </Flex>
    </Modal>
  );
};
