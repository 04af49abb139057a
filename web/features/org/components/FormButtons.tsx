import { Button, Flex } from "antd";
import { useTranslation } from "react-i18next";

/** Save and cancel inside the <form>, so Enter in a field submits it. */
export const FormButtons = ({
  saving,
  onCancel,
  disabled,
}: {
  saving: boolean;
  onCancel: () => void;
  disabled?: boolean;
}) => {
  const { t } = useTranslation();
  return (
    <Flex gap={8} justify="flex-end" style={{ marginTop: 8 }}>
      <Button onClick={onCancel}>{t("action.cancel")}</Button>
      <Button type="primary" htmlType="submit" loading={saving} disabled={disabled}>
        {t("action.save")}
      </Button>
    </Flex>
  );
};
