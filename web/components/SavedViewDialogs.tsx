import { DeleteOutlined, EditOutlined, SyncOutlined } from "@ant-design/icons";
import { Button, Checkbox, Form, Input, List, Modal, Popconfirm, Space, Switch, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SavedView, ViewState } from "../../common/views.schema";
import { viewCreate } from "../../common/views.schema";
import type { FieldIssue } from "../lib/api";
import { useFeedback } from "../lib/feedback";
import { applyServerErrors, zodRule } from "../lib/forms";
import { useDeleteView, useUpdateView, type ViewBody } from "../lib/views.api";
import { ApiErrorAlert } from "./ApiErrorAlert";

interface NameValues {
  name: string;
  shared: boolean;
}

interface NameProps {
  /** the view being renamed; null saves a new one */
  view: SavedView | null;
  saving: boolean;
  onSubmit: (values: Pick<ViewBody, "name" | "shared">) => Promise<unknown>;
  onClose: () => void;
}

/** Names a new view (and shares it, if wished), or renames one; Enter saves. */
export const ViewNameModal = ({ view, saving, onSubmit, onClose }: NameProps) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<NameValues>();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldIssue[]>([]);
  const onFinish = async (v: NameValues) => {
    setError(null);
    setExtra([]);
    try {
      await onSubmit({ name: v.name.trim(), shared: v.shared });
      onClose();
    } catch (e) {
      setExtra(applyServerErrors(form, e, "name"));
      setError(e);
    }
  };
  return (
    <Modal
      open
      width={460}
      title={view ? t("views.renameTitle", { name: view.name }) : t("views.saveTitle")}
      onCancel={onClose}
      okText={t("action.save")}
      cancelText={t("action.cancel")}
      okButtonProps={{ htmlType: "submit", loading: saving }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<NameValues>
          form={form}
          layout="vertical"
          initialValues={{ name: view?.name ?? "", shared: view?.shared ?? false }}
          onFinish={onFinish}
        >
          {dom}
        </Form>
      )}
    >
      <ApiErrorAlert error={error} extraIssues={extra} />
      <Form.Item name="name" label={t("views.name")} required rules={[zodRule(viewCreate.shape.name)]}>
        <Input autoFocus maxLength={40} placeholder={t("views.namePh")} />
      </Form.Item>
      {!view && (
        <Form.Item name="shared" valuePropName="checked" extra={t("views.shareHint")}>
          <Checkbox>{t("views.share")}</Checkbox>
        </Form.Item>
      )}
    </Modal>
  );
};

interface ManageProps {
  listKey: string;
  views: SavedView[];
  /** the list's state now, for 更新为当前筛选 */
  current: ViewState;
  onRename: (view: SavedView) => void;
  onClose: () => void;
}

/** The user's own views of a list: rename, share with the unit or not, overwrite, delete (confirmed). */
export const ManageViewsModal = ({ listKey, views, current, onRename, onClose }: ManageProps) => {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const update = useUpdateView(listKey);
  const remove = useDeleteView(listKey);
  const patch = (v: SavedView, body: Partial<ViewBody>, done: string) =>
    update
      .mutateAsync({ id: v.id, body: { ...body, version: v.version } })
      .then(() => feedback.success(done), feedback.error);
  return (
    <Modal
      open
      width={620}
      title={t("views.manageTitle")}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t("action.close")}</Button>}
      destroyOnHidden
    >
      <List<SavedView>
        dataSource={views}
        locale={{ emptyText: t("views.empty") }}
        renderItem={(v) => (
          <List.Item
            actions={[
              <Switch
                key="share"
                size="small"
                checked={v.shared}
                aria-label={`${t("views.share")}：${v.name}`}
                loading={update.isPending && update.variables?.id === v.id}
                onChange={(shared) =>
                  patch(v, { shared }, t(shared ? "views.sharedOn" : "views.sharedOff", { name: v.name }))
                }
              />,
              <Button
                key="rename"
                type="text"
                size="small"
                icon={<EditOutlined />}
                title={t("views.rename")}
                aria-label={`${t("views.rename")}：${v.name}`}
                onClick={() => onRename(v)}
              />,
              <Button
                key="overwrite"
                type="text"
                size="small"
                icon={<SyncOutlined />}
                title={t("views.overwrite")}
                aria-label={`${t("views.overwrite")}：${v.name}`}
                onClick={() => patch(v, { state: current }, t("views.overwritten", { name: v.name }))}
              />,
              <Popconfirm
                key="delete"
                title={t("views.deleteConfirm", { name: v.name })}
                description={t("views.deleteHint")}
                okText={t("action.delete")}
                okButtonProps={{ danger: true }}
                cancelText={t("action.cancel")}
                onConfirm={() =>
                  remove
                    .mutateAsync(v)
                    .then(() => feedback.success(t("views.deleted", { name: v.name })), feedback.error)
                }
              >
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  title={t("action.delete")}
                  aria-label={`${t("action.delete")}：${v.name}`}
                />
              </Popconfirm>,
            ]}
          >
            <Space size={8} wrap>
              <Typography.Text strong>{v.name}</Typography.Text>
              {v.shared && <Tag color="blue">{t("views.sharedTag")}</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {Object.keys(v.state).length
                  ? t("views.filters", { n: Object.keys(v.state).length })
                  : t("views.noFilters")}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Modal>
  );
};
