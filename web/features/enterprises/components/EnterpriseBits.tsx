import { Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { EnterpriseStatus, SizeClass } from "../../../../common/enums";

const statusColor: Record<EnterpriseStatus, string> = {
  operating: "green",
  closed: "orange",
  moved_out: "default",
  revoked: "red",
  cancelled: "default",
};

/** The USCC in a fixed-width face, or a 未登记 tag for a firm without one. */
export const UsccText = ({ uscc, copyable = false }: { uscc: string | null; copyable?: boolean }) => {
  const { t } = useTranslation("enterprises");
  if (!uscc) return <Tag>{t("field.unregistered")}</Tag>;
  return (
    <Typography.Text
      copyable={copyable ? { tooltips: [t("page.copyUscc"), t("common:action.copied")] } : false}
      style={{ fontFamily: "monospace", fontSize: 13, whiteSpace: "nowrap" }}
    >
      {uscc}
    </Typography.Text>
  );
};

/** 存续 / 注销 …, and 规上 / 规下 when known. */
export const StatusTags = ({
  status,
  sizeClass,
}: {
  status: EnterpriseStatus;
  sizeClass: SizeClass | null;
}) => {
  const { t } = useTranslation("enterprises");
  return (
    <>
      <Tag color={statusColor[status]}>{t(`enums:enterpriseStatus.${status}`)}</Tag>
      {sizeClass && (
        <Tag color={sizeClass === "above" ? "blue" : "default"}>{t(`enums:sizeClass.${sizeClass}`)}</Tag>
      )}
    </>
  );
};
