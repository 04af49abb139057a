import { Button, Popconfirm, Space } from "antd";
import { useTranslation } from "react-i18next";

interface Props {
  name: string;
  canWrite: boolean;
  onEdit: () => void;
  onTrail: () => void;
  onDelete: () => Promise<unknown>;
}

/** 编辑 · 操作记录 · 删除 (with a confirmation naming the record). */
export const RowActions = ({ name, canWrite, onEdit, onTrail, onDelete }: Props) => {
  const { t } = useTranslation();
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={onEdit}>
        {canWrite ? t("action.edit") : t("action.detail")}
      </Button>
      <Button type="link" size="small" onClick={onTrail}>
        {t("action.auditTrail")}
      </Button>
      {canWrite && (
        <Popconfirm
          title={t("confirm.delete", { name })}
          description={t("confirm.deleteHint")}
          okText={t("action.delete")}
          okButtonProps={{ danger: true }}
          cancelText={t("action.cancel")}
          onConfirm={() => onDelete().catch(() => undefined)}
        >
          <Button type="link" size="small" danger>
            {t("action.delete")}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
};
