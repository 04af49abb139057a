import { Flex, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { type EnterpriseLabel, enterpriseLadder } from "../../../../common/enums";

const colors: Partial<Record<EnterpriseLabel, string>> = {
  tech_sme: "cyan",
  hnte: "blue",
  srdi: "geekblue",
  little_giant: "purple",
  listed: "gold",
  listing_reserve: "orange",
  gazelle: "green",
  unicorn: "magenta",
  eaglet: "lime",
  chain_leader: "red",
  fortune500: "volcano",
};

export const labelColor = (label: EnterpriseLabel): string => colors[label] ?? "default";

/** Ladder labels first, bottom to top, then the rest in their own order. */
const rank = (l: EnterpriseLabel) => {
  const i = enterpriseLadder.indexOf(l);
  return i < 0 ? enterpriseLadder.length : i;
};

/** A firm's current labels as coloured tags. */
export const LabelTags = ({ labels }: { labels: readonly EnterpriseLabel[] }) => {
  const { t } = useTranslation("enterprises");
  if (labels.length === 0) return null;
  return (
    <Flex gap={4} wrap>
      {[...labels]
        .sort((a, b) => rank(a) - rank(b))
        .map((l) => (
          <Tag key={l} color={labelColor(l)} style={{ marginInlineEnd: 0 }}>
            {t(`enums:enterpriseLabel.${l}`)}
          </Tag>
        ))}
    </Flex>
  );
};
