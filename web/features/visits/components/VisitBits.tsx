import { Drawer, Grid, Tag } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { VisitMethod } from "../../../../common/visit.schema";

const methodColor: Record<VisitMethod, string> = {
  onsite: "blue",
  phone: "cyan",
  meeting: "purple",
  online: "geekblue",
};

export const MethodTag = ({ method }: { method: VisitMethod }) => {
  const { t } = useTranslation("visits");
  return <Tag color={methodColor[method]}>{t(`method.${method}`)}</Tag>;
};

/** A phone-sized screen: forms go full width with less padding. */
export const useCompact = (): boolean => {
  const screens = Grid.useBreakpoint();
  return screens.sm === false;
};

/** A drawer holding a form: 640 px wide, the whole screen on a phone. */
export const FormDrawer = ({
  open,
  title,
  onClose,
  children,
  size = 640,
}: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  size?: number;
}) => {
  const compact = useCompact();
  return (
    <Drawer
      open={open}
      title={title}
      onClose={onClose}
      size={compact ? "100%" : size}
      destroyOnHidden
      styles={{ body: { padding: compact ? 12 : 24 } }}
    >
      {children}
    </Drawer>
  );
};

/** A rate in percent with one decimal, or a dash for an empty group. */
export const formatRate = (rate: number | null | undefined): string =>
  rate === null || rate === undefined
    ? "—"
    : `${rate.toLocaleString("zh-CN", { maximumFractionDigits: 1 })}%`;
