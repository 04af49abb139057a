import { Button, Empty, Flex, Select, Skeleton, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ProjectPanelProps } from "../../../lib/extensions";
import { useFeedback } from "../../../lib/feedback";
import { useProjectLinks, useSetProjectLinks } from "../api/chains.api";
import { useLinkChoices } from "./ProspectDialogs";

/** 产业链 on the project page: the chain links the project serves, editable by its writers. */
export const ProjectChainPanel = ({ projectId, regionId, writable }: ProjectPanelProps) => {
  const { t } = useTranslation("chains");
  const feedback = useFeedback();
  const links = useProjectLinks(projectId);
  const choices = useLinkChoices(regionId);
  const save = useSetProjectLinks();
  const [editing, setEditing] = useState<string[] | null>(null);
  if (links.isLoading) return <Skeleton active />;
  const rows = links.data ?? [];
  return (
    <Flex vertical gap={12}>
      {editing ? (
        <Flex gap={8}>
          <Select
            mode="multiple"
            style={{ minWidth: 420 }}
            value={editing}
            onChange={setEditing}
            options={choices.options}
            loading={choices.loading}
            optionFilterProp="label"
          />
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { projectId, linkIds: editing },
                {
                  onSuccess: () => {
                    feedback.success(t("panel.saved"));
                    setEditing(null);
                  },
                  onError: feedback.error,
                },
              )
            }
          >
            {t("panel.save")}
          </Button>
        </Flex>
      ) : (
        <Flex gap={8} wrap align="center">
          {rows.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("panel.empty")} />
          ) : (
            rows.map((r) => (
              <Tag key={r.linkId ?? r.chainId}>
                <Link to={`/chains/${r.chainId}`}>
                  {r.chainName} · {r.linkName}
                </Link>
              </Tag>
            ))
          )}
          {writable && (
            <Button
              size="small"
              onClick={() => setEditing(rows.map((r) => r.linkId).filter((x): x is string => Boolean(x)))}
            >
              {t("panel.edit")}
            </Button>
          )}
        </Flex>
      )}
    </Flex>
  );
};
