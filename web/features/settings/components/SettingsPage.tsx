import { Button, Card, Flex, Input, Skeleton, Space, Switch, Typography } from "antd";
import { useState } from "react";
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
      {data && (
        <Card style={{ maxWidth: 720, marginTop: 16 }}>
          <MapBaseField value={data.mapBaseUrl ?? null} />
        </Card>
      )}
    </>
  );
};

/** The sites map's base layer: a style URL or a {z}/{x}/{y} tile template; blank for none. */
const MapBaseField = ({ value }: { value: string | null }) => {
  const { t } = useTranslation("settings");
  const feedback = useFeedback();
  const update = useUpdateSettings();
  const [text, setText] = useState(value ?? "");
  return (
    <div>
      <Typography.Text strong id="map-base-label">
        {t("mapBase")}
      </Typography.Text>
      <Typography.Paragraph type="secondary" style={{ margin: "4px 0 8px" }}>
        {t("mapBaseDesc")}
      </Typography.Paragraph>
      <Space.Compact style={{ width: "100%" }}>
        <Input
          aria-labelledby="map-base-label"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="https://t0.tianditu.gov.cn/vec_w/wmts?…&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}"
        />
        <Button
          type="primary"
          loading={update.isPending}
          onClick={() =>
            update.mutate(
              { mapBaseUrl: text.trim() || null },
              { onSuccess: () => feedback.success(t("saved")), onError: feedback.error },
            )
          }
        >
          {t("save")}
        </Button>
      </Space.Compact>
    </div>
  );
};
