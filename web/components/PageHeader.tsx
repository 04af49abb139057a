import { Flex, Typography } from "antd";
import type { ReactNode } from "react";

export const PageHeader = ({
  title,
  extra,
  sub,
}: {
  title: ReactNode;
  extra?: ReactNode;
  sub?: ReactNode;
}) => (
  <Flex align="center" justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
    <div>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {sub && <Typography.Text type="secondary">{sub}</Typography.Text>}
    </div>
    {extra && (
      <Flex gap={8} wrap>
        {extra}
      </Flex>
    )}
  </Flex>
);
