import { EditOutlined } from "@ant-design/icons";
import { Button, Input, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportError } from "../api/imports.api";

const cellKey = (rowNo: number, index: number) => `${rowNo}:${index}`;

interface Props {
  problems: ImportError[];
  /** retyped cells not yet checked, by "row:index" */
  pending: Map<string, string>;
  onCorrect: (rowNo: number, index: number, value: string) => void;
}

/** The dry run's problems by row and column; a cell's problem can be fixed in place. */
export const ProblemsTable = ({ problems, pending, onCorrect }: Props) => {
  const { t } = useTranslation("imports");
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState("");

  return (
    <Table
      size="small"
      rowKey={(p) => `${p.rowNo}|${p.index ?? ""}|${p.message}`}
      dataSource={problems}
      pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
      columns={[
        { title: t("check.row"), dataIndex: "rowNo", width: 70 },
        {
          title: t("check.column"),
          dataIndex: "column",
          width: 160,
          render: (c: string | null) =>
            c ?? <Typography.Text type="secondary">{t("check.wholeRow")}</Typography.Text>,
        },
        {
          title: t("check.value"),
          key: "value",
          width: 260,
          render: (_v, p) => {
            if (p.index === null || p.index === undefined) return p.value ?? "";
            const key = cellKey(p.rowNo, p.index);
            if (editing === key)
              return (
                <Input
                  autoFocus
                  size="small"
                  aria-label={`${t("check.fix")} ${p.rowNo} ${p.column ?? ""}`}
                  placeholder={t("check.fixPh")}
                  value={draft}
                  onChange={(e) => setDraft(e.target.value)}
                  onPressEnter={() => {
                    onCorrect(p.rowNo, p.index!, draft);
                    setEditing(null);
                  }}
                  onKeyDown={(e) => {
                    if (e.key === "Escape") setEditing(null);
                  }}
                  onBlur={() => setEditing(null)}
                />
              );
            const fixed = pending.get(key);
            return fixed === undefined ? (
              (p.value ?? "")
            ) : (
              <>
                <Typography.Text delete type="secondary">
                  {p.value ?? ""}
                </Typography.Text>{" "}
                <Typography.Text>{fixed || "（空）"}</Typography.Text>{" "}
                <Tag color="orange">{t("check.pending")}</Tag>
              </>
            );
          },
        },
        { title: t("check.problem"), dataIndex: "message" },
        {
          title: t("check.action"),
          key: "action",
          width: 90,
          render: (_v, p) =>
            p.index === null || p.index === undefined ? null : (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  const key = cellKey(p.rowNo, p.index!);
                  setDraft(pending.get(key) ?? p.value ?? "");
                  setEditing(key);
                }}
              >
                {t("check.fix")}
              </Button>
            ),
        },
      ]}
    />
  );
};
