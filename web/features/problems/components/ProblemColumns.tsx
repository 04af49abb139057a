import { Flex, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { ProblemRow } from "../../../../common/problem.schema";
import { formatDate } from "../../../lib/format";
import { CategoryTag, DueCell, StatusTag } from "./ProblemBits";

/** Opens a problem's drawer from the URL (?problem=), so a notification or a link lands on it. */
export const useOpenProblem = () => {
  const [params, setParams] = useSearchParams();
  const open = (id: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set("problem", id);
        else next.delete("problem");
        return next;
      },
      { replace: true },
    );
  return { openId: params.get("problem"), open };
};

/** The columns the list and the project panel share. */
export const useProblemColumns = (
  open: (id: string) => void,
  showProject = true,
): ColumnsType<ProblemRow> => {
  const { t } = useTranslation("problems");
  const late = (p: ProblemRow) => p.lateWorkdays !== null && p.lateWorkdays > 0;
  return [
    {
      title: t("field.title"),
      dataIndex: "title",
      key: "title",
      width: 300,
      sorter: true,
      render: (_, p) => (
        <Flex vertical>
          <Typography.Link onClick={() => open(p.id)} style={late(p) ? { color: "#cf1322" } : undefined}>
            {p.title}
          </Typography.Link>
          {showProject && (
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 290 }}>
              <Link to={`/projects/${p.subjectId}`} style={{ color: "inherit" }}>
                {p.subjectName}
              </Link>
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t("field.category"),
      dataIndex: "category",
      width: 80,
      render: (_, p) => <CategoryTag category={p.category} />,
    },
    {
      title: t("field.department"),
      dataIndex: "departmentName",
      width: 200,
      render: (v: string | null) =>
        v ?? <Typography.Text type="secondary">{t("list.unassigned")}</Typography.Text>,
    },
    {
      title: t("field.raisedOn"),
      dataIndex: "raisedOn",
      key: "raisedOn",
      width: 110,
      sorter: true,
      render: (v: string) => formatDate(v),
    },
    {
      title: t("field.dueOn"),
      dataIndex: "dueOn",
      key: "dueOn",
      width: 140,
      sorter: true,
      render: (_, p) => <DueCell p={p} />,
    },
    {
      title: t("field.status"),
      dataIndex: "status",
      key: "status",
      width: 110,
      render: (_, p) => (
        <Flex gap={4} wrap>
          <StatusTag status={p.status} />
          {p.escalated && <Tag color="red">{t("field.escalated")}</Tag>}
        </Flex>
      ),
    },
  ];
};
