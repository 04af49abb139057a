import { CheckCircleFilled, CloseCircleFilled } from "@ant-design/icons";
import { Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Explanation } from "../../../../common/conditions";

/** One node of why a firm meets a clause or not: met or unmet, in words, with the firm's value. */
const Node = ({ e, depth }: { e: Explanation; depth: number }) => {
  const { t } = useTranslation("policies");
  const icon = e.met ? (
    <CheckCircleFilled style={{ color: "#52c41a" }} aria-label={t("match.eligible")} />
  ) : (
    <CloseCircleFilled style={{ color: "#ff4d4f" }} aria-label={t("match.ineligible")} />
  );
  return (
    <Flex vertical gap={4} style={{ paddingInlineStart: depth === 0 ? 0 : 20 }}>
      <Flex gap={6} align="baseline" wrap>
        {icon}
        <Typography.Text strong={Boolean(e.children)}>{e.text}</Typography.Text>
        {e.actual !== undefined && (
          <Typography.Text type={e.met ? "secondary" : "danger"} style={{ fontSize: 12 }}>
            {t("match.actual", { value: e.actual })}
          </Typography.Text>
        )}
      </Flex>
      {e.children?.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a read-only tree, never reordered; texts may repeat
        <Node key={`${i}:${c.text}`} e={c} depth={depth + 1} />
      ))}
    </Flex>
  );
};

/** The clause's condition against one firm, part by part (common/conditions.ts explainCondition). */
export const ExplanationTree = ({ explanation }: { explanation: Explanation }) => (
  <div data-testid="match-explanation">
    <Node e={explanation} depth={0} />
  </div>
);
