import { Card, Col, Empty, Row, Skeleton, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { EnterpriseLabel } from "../../../../common/enums";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { EChart } from "../../../components/EChart";
import { PageHeader } from "../../../components/PageHeader";
import { type LadderPark, useLadder } from "../api/registry.api";
import "../charts/register";
import { ladderOption } from "../charts/ladder.chart";

const sumOf = (counts: LadderPark["counts"]) => Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);

/** 企业梯队: per park, how many firms stand on each step of the ladder today. */
export const LadderPage = () => {
  const { t } = useTranslation("enterprises");
  const { data, isLoading, error, refetch } = useLadder();
  const ladder = data?.ladder ?? [];
  const stageName = (l: EnterpriseLabel) => t(`enums:enterpriseLabel.${l}`);
  const parks = useMemo(
    () =>
      [...(data?.parks ?? [])].sort(
        // Firms outside any park last; otherwise the parks with most laddered firms first.
        (a, b) => Number(a.parkId === null) - Number(b.parkId === null) || sumOf(b.counts) - sumOf(a.counts),
      ),
    [data],
  );
  const totals = data?.totals ?? {};
  const grand = sumOf(totals);
  const option = useMemo(
    () =>
      ladderOption(
        ladder.map((l) => ({ name: t(`enums:enterpriseLabel.${l}`), count: totals[l] ?? 0 })),
        t("ladder.unit"),
      ),
    [ladder, totals, t],
  );

  /** A count links to the registry filtered to that park and label. */
  const countLink = (n: number, label: EnterpriseLabel, parkId: string | null, linked = true) => {
    if (n === 0) return <Typography.Text type="secondary">0</Typography.Text>;
    if (!linked) return n.toLocaleString("zh-CN");
    const query = new URLSearchParams({ label, ...(parkId ? { parkId } : {}) });
    return (
      <Link to={`/enterprises?${query}`} title={t("ladder.open")}>
        {n.toLocaleString("zh-CN")}
      </Link>
    );
  };

  const columns: ColumnsType<LadderPark> = [
    {
      title: t("ladder.park"),
      key: "park",
      render: (_, p) =>
        p.parkName ?? <Typography.Text type="secondary">{t("ladder.noPark")}</Typography.Text>,
    },
    ...ladder.map((l) => ({
      title: stageName(l),
      key: l,
      width: 112,
      align: "right" as const,
      // The list cannot filter "no park": those counts are plain numbers.
      render: (_: unknown, p: LadderPark) => countLink(p.counts[l] ?? 0, l, p.parkId, p.parkId !== null),
    })),
  ];

  return (
    <>
      <PageHeader title={t("ladder.title")} sub={t("ladder.sub")} />
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
      {isLoading ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : grand === 0 ? (
        <Card>
          <Empty description={t("ladder.empty")}>
            <Typography.Text type="secondary">{t("ladder.emptyHint")}</Typography.Text>
          </Empty>
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={7}>
            <Card title={t("ladder.chart")} style={{ height: "100%" }}>
              <EChart option={option} height={340} label={t("ladder.chartLabel")} />
            </Card>
          </Col>
          <Col xs={24} xl={17}>
            <Card styles={{ body: { padding: 0 } }}>
              <Table<LadderPark>
                rowKey={(p) => p.parkId ?? "none"}
                columns={columns}
                dataSource={parks}
                pagination={false}
                scroll={{ x: 200 + ladder.length * 112 }}
                summary={() => (
                  <Table.Summary fixed="bottom">
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0}>
                        <Typography.Text strong>{t("ladder.total")}</Typography.Text>
                      </Table.Summary.Cell>
                      {ladder.map((l, i) => (
                        <Table.Summary.Cell key={l} index={i + 1} align="right">
                          <Typography.Text strong>{countLink(totals[l] ?? 0, l, null)}</Typography.Text>
                        </Table.Summary.Cell>
                      ))}
                    </Table.Summary.Row>
                  </Table.Summary>
                )}
              />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
};
