import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Form, Input } from "antd";
import { useTranslation } from "react-i18next";

/** 对方人员: the people met, a row each (name, organisation, title), added as they are named. */
export const TheirPeopleField = ({ readOnly }: { readOnly?: boolean }) => {
  const { t } = useTranslation("activities");
  return (
    <Form.Item label={t("field.theirPeople")} style={{ marginBottom: 8 }}>
      <Form.List name="theirPeople">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((f, i) => (
              <Flex key={f.key} gap={8} align="center">
                <Form.Item name={[f.name, "name"]} noStyle>
                  <Input
                    placeholder={t("field.theirName")}
                    aria-label={`${t("field.theirName")} ${i + 1}`}
                    style={{ width: 140 }}
                    maxLength={40}
                  />
                </Form.Item>
                <Form.Item name={[f.name, "organisation"]} noStyle>
                  <Input
                    placeholder={t("field.theirOrg")}
                    aria-label={`${t("field.theirOrg")} ${i + 1}`}
                    maxLength={120}
                  />
                </Form.Item>
                <Form.Item name={[f.name, "title"]} noStyle>
                  <Input
                    placeholder={t("field.theirTitle")}
                    aria-label={`${t("field.theirTitle")} ${i + 1}`}
                    style={{ width: 140 }}
                    maxLength={60}
                  />
                </Form.Item>
                {!readOnly && (
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t("common:action.delete")}
                  />
                )}
              </Flex>
            ))}
            {!readOnly && (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ name: "", title: "", organisation: "" })}
                style={{ alignSelf: "flex-start" }}
              >
                {t("field.addPerson")}
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
};
