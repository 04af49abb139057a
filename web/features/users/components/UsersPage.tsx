import { PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Popconfirm, Select, Space, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Role, roles } from "../../../../common/enums";
import type { User } from "../../../../common/users.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { ExportButton } from "../../../components/ExportButton";
import { ListTable } from "../../../components/ListTable";
import { PageHeader } from "../../../components/PageHeader";
import { type DrawerState, RecordDrawer } from "../../../components/RecordDrawer";
import { SearchBox } from "../../../components/SearchBox";
import { useCurrentUser } from "../../../lib/current-user";
import { useFeedback } from "../../../lib/feedback";
import { formatDateTime } from "../../../lib/format";
import { useListState } from "../../../lib/list-state";
import {
  useExportUsers,
  useResetPassword,
  useUnlockUser,
  useUpdateUser,
  useUser,
  useUsers,
} from "../api/users.api";
import { PasswordModal } from "./PasswordModal";
import { UserForm } from "./UserForm";

const filterKeys = ["role", "active"] as const;

const isLocked = (u: User): boolean => Boolean(u.lockedUntil && new Date(u.lockedUntil) > new Date());

export const UsersPage = () => {
  const { t } = useTranslation("users");
  const feedback = useFeedback();
  const me = useCurrentUser();
  const list = useListState(filterKeys);
  const { data, isFetching, error, refetch } = useUsers(list.query);
  const exportUsers = useExportUsers();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const unlock = useUnlockUser();
  const [drawer, setDrawer] = useState<DrawerState>(null);
  const [shownPassword, setShownPassword] = useState<{ name: string; password: string } | null>(null);
  const current = useUser(drawer?.id);

  const onReset = (u: User) =>
    reset
      .mutateAsync(u.id)
      .then((r) => setShownPassword({ name: u.name, password: r.password }), feedback.error);
  const onUnlock = (u: User) =>
    unlock.mutateAsync(u.id).then(() => feedback.success(t("unlocked", { name: u.name })), feedback.error);
  const onToggle = (u: User) =>
    update
      .mutateAsync({ id: u.id, body: { active: !u.active, version: u.version } })
      .then(() => feedback.success(t(u.active ? "disabled" : "enabled", { name: u.name })), feedback.error);

  const columns: ColumnsType<User> = [
    {
      title: t("username"),
      dataIndex: "username",
      key: "username",
      width: 120,
      sorter: true,
      sortOrder: list.sortOrderOf("username"),
      render: (v: string, u) => (
        <Typography.Link onClick={() => setDrawer({ id: u.id, trail: false })}>{v}</Typography.Link>
      ),
    },
    {
      title: t("name"),
      dataIndex: "name",
      key: "name",
      width: 90,
      sorter: true,
      sortOrder: list.sortOrderOf("name"),
    },
    {
      title: t("roles"),
      dataIndex: "roles",
      key: "roles",
      width: 140,
      render: (rs: Role[]) => (
        <Flex gap={4} wrap>
          {rs.map((r) => (
            <Tag key={r} color={r === "admin" ? "red" : "blue"}>
              {t(`enums:role.${r}`)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t("region"),
      key: "org",
      width: 160,
      render: (_, u) => [u.regionName, u.departmentName].filter(Boolean).join(" · "),
    },
    {
      title: t("scopes"),
      key: "scopes",
      width: 180,
      render: (_, u) =>
        u.scopes
          .map((s) =>
            s.kind === "all"
              ? t("enums:scopeKind.all")
              : `${t(`enums:scopeKind.${s.kind}`)}${s.refName ? t("common:state.colon") + s.refName : ""}`,
          )
          .join("、"),
    },
    {
      title: t("status"),
      key: "status",
      width: 90,
      render: (_, u) =>
        !u.active ? (
          <Tag>{t("inactive")}</Tag>
        ) : isLocked(u) ? (
          <Tag color="orange" title={t("lockedUntil", { at: formatDateTime(u.lockedUntil) })}>
            {t("locked")}
          </Tag>
        ) : (
          <Tag color="green">{t("active")}</Tag>
        ),
    },
    {
      title: t("lastLogin"),
      dataIndex: "lastLoginAt",
      key: "lastLoginAt",
      width: 150,
      sorter: true,
      sortOrder: list.sortOrderOf("lastLoginAt"),
      render: (v: string | null) =>
        v ? formatDateTime(v) : <Typography.Text type="secondary">{t("never")}</Typography.Text>,
    },
    {
      title: t("common:action.actions"),
      key: "actions",
      fixed: "right",
      width: 240,
      render: (_, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setDrawer({ id: u.id, trail: false })}>
            {t("common:action.edit")}
          </Button>
          <Button type="link" size="small" onClick={() => setDrawer({ id: u.id, trail: true })}>
            {t("common:action.auditTrail")}
          </Button>
          <Popconfirm
            title={t("resetConfirm", { name: u.name })}
            description={t("resetHint")}
            okText={t("resetPassword")}
            cancelText={t("common:action.cancel")}
            onConfirm={() => onReset(u)}
          >
            <Button type="link" size="small">
              {t("resetPassword")}
            </Button>
          </Popconfirm>
          {isLocked(u) && (
            <Button type="link" size="small" onClick={() => void onUnlock(u)}>
              {t("unlock")}
            </Button>
          )}
          {u.id !== me.id &&
            (u.active ? (
              <Popconfirm
                title={t("disableConfirm", { name: u.name })}
                description={t("disableHint")}
                okText={t("disable")}
                okButtonProps={{ danger: true }}
                cancelText={t("common:action.cancel")}
                onConfirm={() => onToggle(u)}
              >
                <Button type="link" size="small" danger>
                  {t("disable")}
                </Button>
              </Popconfirm>
            ) : (
              <Button type="link" size="small" onClick={() => void onToggle(u)}>
                {t("enable")}
              </Button>
            ))}
        </Space>
      ),
    },
  ];

  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ id: null, trail: false })}>
      {t("create")}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t("title")}
        sub={t("sub")}
        extra={
          <>
            <ExportButton mutation={exportUsers} params={list.query} />
            {createButton}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <SearchBox value={list.query.q} onSearch={(q) => list.update({ q })} placeholder={t("searchPh")} />
        <Select<Role>
          value={(list.query.role as Role | undefined) ?? undefined}
          onChange={(role) => list.update({ role })}
          allowClear
          placeholder={t("roleAll")}
          options={roles.map((r) => ({ value: r, label: t(`enums:role.${r}`) }))}
          style={{ width: 160 }}
        />
        <Select<"true" | "false">
          value={(list.query.active as "true" | "false" | undefined) ?? undefined}
          onChange={(active) => list.update({ active })}
          allowClear
          placeholder={t("activeAll")}
          options={[
            { value: "true", label: t("active") },
            { value: "false", label: t("inactive") },
          ]}
          style={{ width: 130 }}
        />
      </Flex>
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      <ListTable<User>
        columns={columns}
        page={data}
        loading={isFetching}
        list={list}
        emptyText={t("empty")}
        emptyAction={createButton}
        scrollX={1170}
      />
      <RecordDrawer
        open={drawer !== null}
        title={drawer?.id ? (current.data?.name ?? t("edit")) : t("create")}
        onClose={() => setDrawer(null)}
        subjectType="user"
        subjectId={drawer?.id ?? null}
        loading={Boolean(drawer?.id) && !current.data}
        startOnTrail={drawer?.trail}
      >
        <UserForm
          key={`${current.data?.id ?? "new"}:${current.data?.version ?? 0}`}
          user={drawer?.id ? (current.data ?? null) : null}
          onCancel={() => setDrawer(null)}
          onReload={() => void current.refetch()}
          onSaved={(u) => {
            feedback.success(t("saved", { name: u.name }));
            setDrawer(null);
          }}
          onCreated={(u, password) => {
            feedback.success(t("created", { name: u.name }));
            setDrawer(null);
            setShownPassword({ name: u.name, password });
          }}
        />
      </RecordDrawer>
      <PasswordModal shown={shownPassword} onClose={() => setShownPassword(null)} />
    </>
  );
};
