import { DeleteOutlined, EditOutlined } from "@ant-design/icons";
import { Button, Flex, Popconfirm, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { VisitRow } from "../../../../common/visit.schema";
import { isApiError } from "../../../lib/api";
import { useFeedback } from "../../../lib/feedback";
import { formatDate } from "../../../lib/format";
import { useDeleteVisit } from "../api/visits.api";
import { MethodTag } from "./VisitBits";

/** Opens a visit's drawer from the URL (?visit=, &edit=1), so a link lands on it. */
export const useOpenVisit = () => {
  const [params, setParams] = useSearchParams();
  const open = (id: string | null, editing = false) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set("visit", id);
        else next.delete("visit");
        if (id && editing) next.set("edit", "1");
        else next.delete("edit");
        return next;
      },
      { replace: true },
    );
  return { openId: params.get("visit"), editing: params.get("edit") === "1", open };
};

/** Deletes a visit with its version; a stale one says so in words and asks for a fresh look. */
export const useRemoveVisit = () => {
  const { t } = useTranslation("visits");
  const feedback = useFeedback();
  const remove = useDeleteVisit();
  return {
    pending: remove.isPending,
    remove: (v: VisitRow, onDone?: () => void) =>
      remove.mutateAsync({ id: v.id, version: v.version }).then(
        () => {
          feedback.success(t("list.deleted", { name: v.enterpriseName }));
          onDone?.();
        },
        (e: unknown) =>
          feedback.error(isApiError(e) && e.code === "STALE_VERSION" ? new Error(t("list.staleDelete")) : e),
      ),
  };
};

interface Options {
  open: (id: string, editing?: boolean) => void;
  /** the firm's own panel leaves the firm out */
  showEnterprise?: boolean;
  canWrite: boolean;
}

/** The columns the list and the firm's panel share. */
export const useVisitColumns = ({
  open,
  showEnterprise = true,
  canWrite,
}: Options): ColumnsType<VisitRow> => {
  const { t } = useTranslation("visits");
  const { remove } = useRemoveVisit();
  const columns: ColumnsType<VisitRow> = [
    {
      title: t("field.visitedOn"),
      dataIndex: "visitedOn",
      key: "visitedOn",
      width: 120,
      sorter: true,
      render: (v: string, r) => <Typography.Link onClick={() => open(r.id)}>{formatDate(v)}</Typography.Link>,
    },
  ];
  if (showEnterprise)
    columns.push({
      title: t("field.enterprise"),
      dataIndex: "enterpriseName",
      key: "enterpriseName",
      width: 240,
      sorter: true,
      render: (v: string, r) => (
        <Flex vertical>
          <Link to={`/enterprises/${r.enterpriseId}`}>{v}</Link>
          {r.parkName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.parkName}
            </Typography.Text>
          )}
        </Flex>
      ),
    });
  columns.push(
    {
      title: t("field.method"),
      dataIndex: "method",
      key: "method",
      width: 120,
      sorter: true,
      render: (_, r) => <MethodTag method={r.method} />,
    },
    {
      title: t("field.visitor"),
      dataIndex: "visitorName",
      key: "visitorName",
      width: 140,
      sorter: true,
      render: (v: string | null, r) => (
        <Flex vertical>
          <span>{v ?? "—"}</span>
          {r.companions && (
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 130 }}>
              {t("list.with", { names: r.companions })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t("field.metWith"), dataIndex: "metWith", width: 120, render: (v: string | null) => v ?? "—" },
    {
      title: t("field.findings"),
      dataIndex: "findings",
      render: (v: string) => (
        <Tooltip title={v} placement="topLeft" styles={{ root: { maxWidth: 480 } }}>
          <Typography.Text ellipsis style={{ maxWidth: 360 }}>
            {v}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      title: t("field.appeals"),
      dataIndex: "appealCount",
      key: "appealCount",
      width: 80,
      align: "center",
      render: (n: number) => (n > 0 ? <Tag color="orange">{t("list.appealCount", { n })}</Tag> : "—"),
    },
  );
  if (canWrite)
    columns.push({
      title: t("common:action.actions"),
      key: "actions",
      width: 100,
      fixed: "right",
      render: (_, r) => (
        <Flex gap={4}>
          <Button
            type="text"
            size="small"
            icon={<EditOutlined />}
            aria-label={t("list.editOne", { name: r.enterpriseName })}
            title={t("common:action.edit")}
            onClick={() => open(r.id, true)}
          />
          <Popconfirm
            title={t("list.deleteConfirm", { name: r.enterpriseName, date: formatDate(r.visitedOn) })}
            description={t("list.deleteHint")}
            okText={t("common:action.delete")}
            okButtonProps={{ danger: true }}
            cancelText={t("common:action.cancel")}
            onConfirm={() => remove(r)}
          >
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t("list.deleteOne", { name: r.enterpriseName })}
              title={t("common:action.delete")}
            />
          </Popconfirm>
        </Flex>
      ),
    });
  return columns;
};
