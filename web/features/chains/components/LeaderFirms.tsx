import { Button, Card, List, Popconfirm, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ChainRow } from "../../../../common/chain.schema";
import { FirmPicker } from "../../../components/pickers";
import { useFeedback } from "../../../lib/feedback";
import { useUpdateChain } from "../api/chains.api";

/** 链主企业: pick a firm of the chain's region as a leader enterprise, or remove one (audited PATCH). */
export const LeaderFirms = ({ chain, canManage }: { chain: ChainRow; canManage: boolean }) => {
  const { t } = useTranslation("chains");
  const feedback = useFeedback();
  const update = useUpdateChain();
  const [firm, setFirm] = useState<string | null>(null);
  const save = (ids: string[], done: string) =>
    update.mutate(
      { id: chain.id, body: { leaderFirmIds: ids, version: chain.version } },
      {
        onSuccess: () => {
          setFirm(null);
          feedback.success(done);
        },
        onError: feedback.error,
      },
    );
  return (
    <Card size="small" title={t("leaders.title")} style={{ maxWidth: 900, marginBottom: 16 }}>
      {canManage && (
        <Space.Compact style={{ width: "100%", marginBottom: 8 }}>
          <FirmPicker
            value={firm}
            onChange={setFirm}
            placeholder={t("leaders.pick")}
            style={{ width: "100%" }}
          />
          <Button
            type="primary"
            disabled={!firm || chain.leaderFirmIds.includes(firm)}
            loading={update.isPending}
            onClick={() => firm && save([...chain.leaderFirmIds, firm], t("leaders.added"))}
          >
            {t("leaders.add")}
          </Button>
        </Space.Compact>
      )}
      <List
        size="small"
        dataSource={chain.leaderFirms}
        locale={{ emptyText: t("leaders.empty") }}
        renderItem={(f) => (
          <List.Item
            actions={
              canManage
                ? [
                    <Popconfirm
                      key="remove"
                      title={t("leaders.removeConfirm", { name: f.name })}
                      onConfirm={() =>
                        save(
                          chain.leaderFirmIds.filter((id) => id !== f.id),
                          t("leaders.removed"),
                        )
                      }
                    >
                      <Button size="small" danger aria-label={`${t("leaders.remove")} ${f.name}`}>
                        {t("leaders.remove")}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Link to={`/enterprises/${f.id}`}>{f.name}</Link>
          </List.Item>
        )}
      />
    </Card>
  );
};
