import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { Avatar, Button, Dropdown, Flex, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Me } from "../../../common/users.schema";

interface Props {
  me: Me;
  onChangePassword: () => void;
  onLogout: () => void;
}

/** Name and roles, with change-password and sign-out. */
export const UserMenu = ({ me, onChangePassword, onLogout }: Props) => {
  const { t } = useTranslation("app");
  return (
    <Flex align="center" gap={12}>
      <Flex gap={4} wrap className="zy-header-roles">
        {me.roles.map((r) => (
          <Tag key={r} color={r === "admin" ? "red" : "blue"} style={{ marginInlineEnd: 0 }}>
            {t(`enums:role.${r}`)}
          </Tag>
        ))}
      </Flex>
      <Dropdown
        trigger={["click"]}
        menu={{
          items: [
            {
              key: "password",
              icon: <KeyOutlined />,
              label: t("header.changePassword"),
              onClick: onChangePassword,
            },
            { type: "divider" },
            {
              key: "logout",
              icon: <LogoutOutlined />,
              label: t("header.logout"),
              onClick: onLogout,
              danger: true,
            },
          ],
        }}
      >
        <Button type="text" style={{ height: 40 }} data-testid="user-menu">
          <Flex align="center" gap={8}>
            <Avatar size="small" icon={<UserOutlined />} style={{ background: "#1677ff" }} />
            <Typography.Text strong>{me.name}</Typography.Text>
            <DownOutlined style={{ fontSize: 10 }} />
          </Flex>
        </Button>
      </Dropdown>
    </Flex>
  );
};
