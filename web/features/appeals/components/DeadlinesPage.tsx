import { Button, Card, Empty, Flex, Form, InputNumber, Skeleton, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AppealCategory,
  appealCategories,
  defaultAppealDeadlines,
} from "../../../../common/appeal.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import type { FieldIssue } from "../../../lib/api";
import { useCurrentUser } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { applyServerErrors } from "../../../lib/forms";
import { type AppealDeadlines, useAppealDeadlines, useSaveAppealDeadlines } from "../api/appeals.api";

type Values = { deadlines: Record<AppealCategory, number | null> };

const DeadlinesForm = ({ data }: { data: AppealDeadlines }) => {
  const { t } = useTranslation("appeals");
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const save = useSaveAppealDeadlines();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);

  const onFinish = async (v: Values) => {
    setError(null);
    setExtra([]);
    const deadlines = {} as Record<AppealCategory, number>;
    for (const c of appealCategories) deadlines[c] = v.deadlines[c] ?? data.deadlines[c];
    try {
      await save.mutateAsync({ regionId: data.regionId, deadlines });
      feedback.success(t("deadlines.saved"));
    } catch (e) {
      setExtra(applyServerErrors(form, e));
      setError(e);
    }
  };

  return (
    <Form<Values> form={form} initialValues={{ deadlines: data.deadlines }} onFinish={onFinish}>
      <ApiErrorAlert error={error} extraIssues={extra} />
      <Table<AppealCategory>
        rowKey={(c) => c}
        dataSource={[...appealCategories]}
        pagination={false}
        size="middle"
        columns={[
          {
            title: t("field.category"),
            width: 160,
            render: (_, c) => <Typography.Text strong>{t(`category.${c}`)}</Typography.Text>,
          },
          {
            title: t("deadlines.workdays"),
            width: 240,
            render: (_, c) => (
              <Form.Item
                name={["deadlines", c]}
                style={{ margin: 0 }}
                rules={[{ required: true, message: t("deadlines.required") }]}
              >
                <InputNumber<number>
                  min={1}
                  max={120}
                  precision={0}
                  suffix={t("field.deadlineUnit")}
                  aria-label={t("deadlines.fieldLabel", { category: t(`category.${c}`) })}
                  style={{ width: 170 }}
                />
              </Form.Item>
            ),
          },
          {
            title: t("deadlines.source"),
            render: (_, c) => {
              const fallback = defaultAppealDeadlines[c];
              // Inherited at the default is the system's; inherited otherwise comes from a region above.
              if (data.inherited[c]) {
                return (
                  <Tag>
                    {data.deadlines[c] === fallback ? t("deadlines.default") : t("deadlines.inherited")}
                  </Tag>
                );
              }
              return (
                <Flex gap={8} align="center" wrap>
                  <Tag color="blue">{t("deadlines.own")}</Tag>
                  {data.deadlines[c] !== fallback && (
                    <Typography.Text type="secondary">
                      {t("deadlines.systemDefault", { n: fallback })}
                    </Typography.Text>
                  )}
                </Flex>
              );
            },
          },
        ]}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 16 }} wrap gap={8}>
        <Typography.Text type="secondary">{t("deadlines.hint")}</Typography.Text>
        <Flex gap={8}>
          <Button onClick={() => form.resetFields()}>{t("deadlines.reset")}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t("common:action.save")}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
};

/** 诉求办理期限: a region's working days per category; what it has not set it inherits. */
export const DeadlinesPage = () => {
  const { t } = useTranslation("appeals");
  const me = useCurrentUser();
  const { RegionPicker } = useExtensions();
  const [regionId, setRegionId] = useState<string | null>(
    me.regionId ?? me.scopes.find((s) => s.kind === "region")?.refId ?? null,
  );
  const { data, isLoading, error, refetch } = useAppealDeadlines(regionId);

  return (
    <>
      <PageHeader title={t("deadlines.title")} sub={t("deadlines.sub")} />
      <Card>
        <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
          <Typography.Text>{t("deadlines.region")}</Typography.Text>
          <RegionPicker
            value={regionId}
            onChange={setRegionId}
            allowClear={false}
            placeholder={t("deadlines.regionPh")}
            style={{ width: 280 }}
          />
        </Flex>
        <ApiErrorAlert error={error} onRetry={() => void refetch()} />
        {!regionId ? (
          <Empty description={t("deadlines.pickRegion")} />
        ) : isLoading ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : data ? (
          <DeadlinesForm key={`${data.regionId}:${JSON.stringify(data.deadlines)}`} data={data} />
        ) : null}
      </Card>
    </>
  );
};
