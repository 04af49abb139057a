import { DownloadOutlined } from "@ant-design/icons";
import { Button, Empty, List, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ChainListKind, type ChainRow, chainListKinds } from "../../../../common/chain.schema";
import { useFeedback } from "../../../lib/feedback";
import { useExportList } from "../api/chains.api";

/** 一链一图X清单: the lists the chain carries, each exported to Excel. */
export const ListsTab = ({ chain }: { chain: ChainRow }) => {
  const { t } = useTranslation("chains");
  const { t: common } = useTranslation();
  const feedback = useFeedback();
  const exportList = useExportList(chain.id);
  const [busy, setBusy] = useState<ChainListKind | null>(null);
  const kinds = chainListKinds.filter((k) => chain.lists.includes(k));
  if (kinds.length === 0) return <Empty description={t("lists.empty")} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t("lists.hint")}</Typography.Paragraph>
      <List
        bordered
        style={{ maxWidth: 640 }}
        dataSource={kinds}
        renderItem={(kind) => {
          const name = `${chain.name}${t(`lists.${kind}`)}`;
          return (
            <List.Item
              actions={[
                <Button
                  key="export"
                  icon={<DownloadOutlined />}
                  aria-label={`${t("lists.export")} ${t(`lists.${kind}`)}`}
                  loading={exportList.isPending && busy === kind}
                  onClick={() => {
                    setBusy(kind);
                    exportList.mutate(
                      { kind, name },
                      {
                        onSuccess: (file) => feedback.success(common("state.exported", { name: file })),
                        onError: feedback.error,
                      },
                    );
                  }}
                >
                  {t("lists.export")}
                </Button>,
              ]}
            >
              {t(`lists.${kind}`)}
            </List.Item>
          );
        }}
      />
    </>
  );
};
