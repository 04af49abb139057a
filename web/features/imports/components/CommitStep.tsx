import { Button, Card, Flex, Progress, Result } from "antd";
import { useTranslation } from "react-i18next";
import type { ImportJob } from "../api/imports.api";

interface Props {
  job: ImportJob;
  onAgain: () => void;
  onDone: () => void;
}

/** Step 4: the one transaction that writes every row, then what it did. */
export const CommitStep = ({ job, onAgain, onDone }: Props) => {
  const { t } = useTranslation("imports");
  if (job.status === "committing") {
    const p = job.progress;
    const percent = p && p.total > 0 && p.done > 0 ? Math.min(99, Math.round((p.done / p.total) * 100)) : 50;
    return (
      <Card>
        <Flex vertical gap={8}>
          <span>{t("commit.running")}</span>
          <Progress percent={percent} status="active" showInfo={Boolean(p && p.done > 0)} />
        </Flex>
      </Card>
    );
  }
  return (
    <Card>
      <Result
        status="success"
        title={t("commit.done")}
        subTitle={t("commit.doneSub", {
          created: job.counts?.created ?? 0,
          updated: job.counts?.updated ?? 0,
          file: job.fileName,
        })}
        extra={[
          <Button key="list" type="primary" onClick={onDone}>
            {t("commit.toList")}
          </Button>,
          <Button key="again" onClick={onAgain}>
            {t("commit.again")}
          </Button>,
        ]}
      />
    </Card>
  );
};
