import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Form, Input, InputNumber, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ProgrammeRow } from "../../../../common/talent.schema";
import { RecordForm, type RecordFormProps } from "../../../components/RecordForm";
import { useExtensions } from "../../../lib/extensions";
import { fenToWan, wanToFen } from "../../../lib/format";
import { useCreate, useUpdate } from "../api/talent.api";

interface PlanValues {
  percent: number;
  condition: string;
  monthsAfter: number;
}
interface LevelValues {
  code: string;
  name: string;
  capWan: number;
  instalments: PlanValues[];
}
interface Values {
  regionId: string | null;
  name: string;
  note: string | null;
  levels: LevelValues[];
}

/** 人才计划: its levels, each with a cap (entered in 万元, kept in fen) and its instalment plan. */
export const ProgrammeForm = (p: Omit<RecordFormProps<ProgrammeRow>, "readOnly">) => {
  const { t } = useTranslation("talent");
  const { RegionPicker } = useExtensions();
  const [form] = Form.useForm<Values>();
  const create = useCreate<ProgrammeRow>("/talent-programmes");
  const update = useUpdate<ProgrammeRow>("/talent-programmes");
  const r = p.record;
  const initial: Values = {
    regionId: r?.regionId ?? null,
    name: r?.name ?? "",
    note: r?.note ?? null,
    levels: r?.levels.map((l) => ({ ...l, capWan: fenToWan(l.capFen) })) ?? [
      {
        code: "A",
        name: "A类",
        capWan: 100,
        instalments: [{ percent: 100, condition: "企业注册落地", monthsAfter: 0 }],
      },
    ],
  };
  const toBody = (v: Values) => ({
    ...(r ? {} : { regionId: v.regionId }),
    name: v.name,
    note: v.note || null,
    levels: v.levels.map(({ capWan, ...l }) => ({ ...l, capFen: wanToFen(capWan) })),
  });
  return (
    <RecordForm<ProgrammeRow, Values, unknown, unknown>
      {...p}
      readOnly={false}
      form={form}
      initialValues={initial}
      create={create as never}
      update={update as never}
      toBody={toBody}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="name"
            label={t("field.programme")}
            rules={[{ required: true, min: 2, message: "请填写计划名称" }]}
          >
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="regionId"
            label={t("field.region")}
            rules={[{ required: true, message: "请选择所属行政区" }]}
          >
            <RegionPicker disabled={Boolean(r)} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">{t("rounds.levelsHint")}</Typography.Paragraph>
      <Form.List name="levels">
        {(levels, { add, remove }) => (
          <>
            {levels.map((lv) => (
              <Card
                key={lv.key}
                size="small"
                style={{ marginBottom: 12 }}
                extra={levels.length > 1 && <MinusCircleOutlined onClick={() => remove(lv.name)} />}
              >
                <Row gutter={8}>
                  <Col span={6}>
                    <Form.Item
                      name={[lv.name, "code"]}
                      label={t("field.levelCode")}
                      rules={[{ required: true, pattern: /^[A-Z][A-Z0-9]{0,3}$/, message: "如 A、B、C" }]}
                    >
                      <Input maxLength={4} />
                    </Form.Item>
                  </Col>
                  <Col span={9}>
                    <Form.Item
                      name={[lv.name, "name"]}
                      label={t("field.levelName")}
                      rules={[{ required: true, message: "请填写等级名称" }]}
                    >
                      <Input maxLength={30} />
                    </Form.Item>
                  </Col>
                  <Col span={9}>
                    <Form.Item
                      name={[lv.name, "capWan"]}
                      label={t("field.capWan")}
                      rules={[{ required: true, message: "请填写奖励上限" }]}
                    >
                      <InputNumber min={0} style={{ width: "100%" }} />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.List name={[lv.name, "instalments"]}>
                  {(plans, ops) => (
                    <>
                      {plans.map((pl) => (
                        <Row gutter={8} key={pl.key} align="middle">
                          <Col span={5}>
                            <Form.Item
                              name={[pl.name, "percent"]}
                              label={t("field.percent")}
                              rules={[{ required: true, message: "必填" }]}
                            >
                              <InputNumber min={1} max={100} style={{ width: "100%" }} />
                            </Form.Item>
                          </Col>
                          <Col span={12}>
                            <Form.Item
                              name={[pl.name, "condition"]}
                              label={t("field.condition")}
                              rules={[{ required: true, min: 2, message: "请填写兑现条件" }]}
                            >
                              <Input maxLength={200} />
                            </Form.Item>
                          </Col>
                          <Col span={5}>
                            <Form.Item
                              name={[pl.name, "monthsAfter"]}
                              label={t("field.monthsAfter")}
                              rules={[{ required: true, message: "必填" }]}
                            >
                              <InputNumber min={0} max={120} style={{ width: "100%" }} />
                            </Form.Item>
                          </Col>
                          <Col span={2}>
                            {plans.length > 1 && <MinusCircleOutlined onClick={() => ops.remove(pl.name)} />}
                          </Col>
                        </Row>
                      ))}
                      <Button
                        size="small"
                        icon={<PlusOutlined />}
                        onClick={() => ops.add({ percent: 0, condition: "", monthsAfter: 12 })}
                      >
                        {t("rounds.addPlan")}
                      </Button>
                    </>
                  )}
                </Form.List>
              </Card>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() =>
                add({
                  code: "",
                  name: "",
                  capWan: 0,
                  instalments: [{ percent: 100, condition: "", monthsAfter: 0 }],
                })
              }
              style={{ marginBottom: 12 }}
            >
              {t("rounds.addLevel")}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="note" label={t("field.note")}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </RecordForm>
  );
};
