import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { ImportStatus } from "../api/imports.api";

const colour: Record<ImportStatus, string> = {
  uploaded: "default",
  validating: "processing",
  validated: "success",
  invalid: "error",
  committing: "processing",
  committed: "green",
  failed: "error",
  expired: "warning",
};

export const StatusTag = ({ status }: { status: ImportStatus }) => {
  const { t } = useTranslation("imports");
  return <Tag color={colour[status]}>{t(`status.${status}`)}</Tag>;
};
