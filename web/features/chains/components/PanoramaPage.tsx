import { Card, Col, Empty, Flex, Progress, Row, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { PageHeader } from "../../../components/PageHeader";
import { useCurrentUser } from "../../../lib/current-user";
import { useExtensions } from "../../../lib/extensions";
import { usePanorama } from "../api/chains.api";
import { strengthColors } from "../charts/map.chart";
import { LinkChip } from "./ChainMapView";

/** 产业链全景图: every active chain of a region, its links coloured by strength. */
export const PanoramaPage = () => {
  const { t } = useTranslation("chains");
  const me = useCurrentUser();
  const { RegionPicker } = useExtensions();
  const [params, setParams] = useSearchParams();
  const regionId = params.get("regionId") ?? me.regionId ?? undefined;
  const pano = usePanorama(regionId);
  return (
    <>
      <PageHeader
        title={t("panorama.title")}
        sub={t("panorama.sub")}
        extra={
          <RegionPicker
            value={regionId ?? null}
            onChange={(v) => setParams(v ? { regionId: v } : {}, { replace: true })}
            style={{ width: 260 }}
            placeholder={t("panorama.region")}
          />
        }
      />
      {pano.isLoading ? (
        <Skeleton active />
      ) : !pano.data?.length ? (
        <Empty description={t("panorama.empty")} />
      ) : (
        <Row gutter={[16, 16]}>
          {pano.data.map(({ chain, links, totals }) => (
            <Col key={chain.id} xs={24} lg={12}>
              <Card
                title={chain.name}
                extra={<Link to={`/chains/${chain.id}`}>{t("panorama.open")}</Link>}
                size="small"
              >
                <Flex vertical gap={8}>
                  <Progress
                    percent={
                      totals.links ? Math.round((100 * (totals.strong + totals.weak)) / totals.links) : 0
                    }
                    success={{
                      percent: totals.links ? Math.round((100 * totals.strong) / totals.links) : 0,
                      strokeColor: strengthColors.strong,
                    }}
                    strokeColor={strengthColors.weak}
                    railColor="#ffccc7"
                    format={() => `${totals.strong}/${totals.weak}/${totals.missing}`}
                  />
                  <Typography.Text type="secondary">
                    {[chain.chiefName && `${t("chain.chief")}：${chain.chiefName}`, chain.goals[0]?.text]
                      .filter(Boolean)
                      .join(" · ")}
                  </Typography.Text>
                  <Flex gap={6} wrap>
                    {links.map((l) => (
                      <Link key={l.id} to={`/chains/${chain.id}`}>
                        <LinkChip link={l} onOpen={() => undefined} />
                      </Link>
                    ))}
                  </Flex>
                </Flex>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
};
