import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Form, Input, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { type AppealCategory, appealCategories } from "../../../../common/appeal.schema";
import { visitAppeal } from "../../../../common/visit.schema";
import { zodRule } from "../../../lib/forms";

export interface AppealValues {
  title: string;
  category: AppealCategory | null;
  detail: string;
}

export const emptyAppeal = (): AppealValues => ({ title: "", category: null, detail: "" });

/** "+ 诉求": appeals the firm raised during the visit, filed with it (each goes on to routing). */
export const AppealRows = () => {
  const { t } = useTranslation("visits");
  return (
    <Form.List name="appeals">
      {(rows, { add, remove }) => (
        <Flex vertical gap={8} style={{ marginBottom: 16 }}>
          {rows.map((row, i) => (
            <Card
              key={row.key}
              size="small"
              data-testid="appeal-row"
              title={t("form.appealN", { n: i + 1 })}
              extra={
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t("form.removeAppeal", { n: i + 1 })}
                  onClick={() => remove(row.name)}
                />
              }
              styles={{ body: { paddingBottom: 0 } }}
            >
              <Form.Item
                name={[row.name, "title"]}
                label={t("field.appealTitle")}
                required
                rules={[zodRule(visitAppeal.shape.title)]}
              >
                <Input maxLength={120} placeholder={t("form.appealTitlePh")} />
              </Form.Item>
              <Form.Item
                name={[row.name, "category"]}
                label={t("field.appealCategory")}
                rules={[{ required: true, message: t("form.appealCategoryRequired") }]}
              >
                <Select<AppealCategory>
                  options={appealCategories.map((c) => ({ value: c, label: t(`appealCategory.${c}`) }))}
                  placeholder={t("form.appealCategoryPh")}
                  style={{ width: "100%" }}
                />
              </Form.Item>
              <Form.Item name={[row.name, "detail"]} label={t("field.appealDetail")}>
                <Input.TextArea
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  maxLength={2000}
                  placeholder={t("form.appealDetailPh")}
                />
              </Form.Item>
            </Card>
          ))}
          {rows.length < 10 && (
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(emptyAppeal())}>
              {t("form.addAppeal")}
            </Button>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("form.appealHint")}
          </Typography.Text>
        </Flex>
      )}
    </Form.List>
  );
};
