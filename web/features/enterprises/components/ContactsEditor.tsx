import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { contact } from "../../../../common/enterprise.schema";
import { zodRule } from "../../../lib/forms";

export interface ContactValue {
  name: string;
  title: string;
  phone: string;
}

export const blankContact: ContactValue = { name: "", title: "", phone: "" };

const s = contact.shape;

/** The firm's contacts, one row each: name (required), title, phone. */
export const ContactsEditor = ({ readOnly }: { readOnly: boolean }) => {
  const { t } = useTranslation("enterprises");
  return (
    <Form.List name="contacts">
      {(fields, { add, remove }) => (
        <Flex vertical gap={0}>
          {fields.length === 0 && readOnly && (
            <Typography.Text type="secondary">{t("field.noContacts")}</Typography.Text>
          )}
          {fields.map((f, i) => (
            <Flex key={f.key} gap={8} align="flex-start">
              <Form.Item
                name={[f.name, "name"]}
                rules={[zodRule(s.name)]}
                style={{ flex: 2 }}
                aria-label={`${t("field.contactName")} ${i + 1}`}
              >
                <Input placeholder={t("field.contactName")} maxLength={40} />
              </Form.Item>
              <Form.Item name={[f.name, "title"]} style={{ flex: 2 }}>
                <Input placeholder={t("field.contactTitle")} maxLength={40} />
              </Form.Item>
              <Form.Item name={[f.name, "phone"]} style={{ flex: 3 }}>
                <Input placeholder={t("field.contactPhone")} inputMode="tel" maxLength={40} />
              </Form.Item>
              {!readOnly && (
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t("common:action.delete")}
                  onClick={() => remove(f.name)}
                />
              )}
            </Flex>
          ))}
          {!readOnly && fields.length < 20 && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ ...blankContact })} block>
              {t("field.addContact")}
            </Button>
          )}
        </Flex>
      )}
    </Form.List>
  );
};
