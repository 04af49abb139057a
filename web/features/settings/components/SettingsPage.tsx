import { Card, Flex, Skeleton, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { useFeedback } from "../../../lib/feedback";
import { useSettings, useUpdateSettings } from "../api/settings.api";

export const SettingsPage = () => {
  const { t } = useTranslation("settings");
  const feedback = useFeedback();
  const { data, isLoading, error, refetch } = useSettings();
  const update = useUpdateSettings();

  return (
    <>
      <PageHeader title={t("title")} sub={t("sub")} />
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <Card style={{ maxWidth: 720 }}>
        {isLoading ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : data ? (
          <Flex justify="space-between" align="center" gap={24}>
            <div>
              <Typography.Text strong id="watermark-label">
                {t("watermark")}
              </Typography.Text>
              <Typography.Paragraph type="secondary" style={{ margin: "4px 0 0" }}>
                {t("watermarkDesc")}
              </Typography.Paragraph>
            </div>
            <Switch
              aria-labelledby="watermark-label"
              checked={data.watermark}
              loading={update.isPending}
              checkedChildren={t("on")}
              unCheckedChildren={t("off")}
              onChange={(watermark) =>
                update.mutate(
                  { watermark },
                  { onSuccess: () => feedback.success(t("saved")), onError: feedback.error },
                )
              }
            />
          </Flex>
        ) : null}
      </Card>
    </>
  );
};
