import { DownloadOutlined } from "@ant-design/icons";
import type { UseMutationResult } from "@tanstack/react-query";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { useFeedback } from "../lib/feedback";

interface Props<P> {
  /** A feature's export mutation; resolves to the saved file name. */
  mutation: UseMutationResult<string, Error, P>;
  params: P;
}

/** 导出Excel with the list's current filters. */
export const ExportButton = <P,>({ mutation, params }: Props<P>) => {
  const { t } = useTranslation();
  const feedback = useFeedback();
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={mutation.isPending}
      onClick={() =>
        mutation.mutate(params, {
          onSuccess: (name) => feedback.success(t("state.exported", { name })),
          onError: feedback.error,
        })
      }
    >
      {t("action.export")}
    </Button>
  );
};
