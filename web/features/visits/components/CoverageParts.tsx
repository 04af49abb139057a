import { Card, Col, Flex, Progress, Row, Statistic, Table, Tabs, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import type { Coverage, CoverageGroup } from "../../../../common/visit.schema";
import { formatDate } from "../../../lib/format";
import { formatRate } from "./VisitBits";

const rateColor = (rate: number | null, target: number) =>
  rate === null ? undefined : rate >= target ? "#52c41a" : rate >= target * 0.8 ? "#1677ff" : "#fa8c16";

/** Population, visited, the rate against the target, and how many visits the target still needs. */
export const CoverageHeadline = ({ c }: { c: Coverage }) => {
  const { t } = useTranslation("visits");
  const needed = Math.max(0, Math.ceil((c.population * c.targetRate) / 100) - c.visited);
  const met = c.rate !== null && c.rate >= c.targetRate;
  return (
    <Card data-testid="coverage-headline" style={{ marginBottom: 16 }}>
      <Row gutter={[24, 16]} align="middle">
        <Col xs={12} md={5}>
          <Statistic title={t("coverage.population")} value={c.population} suffix={t("coverage.firms")} />
        </Col>
        <Col xs={12} md={5}>
          <Statistic title={t("coverage.visited")} value={c.visited} suffix={t("coverage.firms")} />
        </Col>
        <Col xs={12} md={5}>
          <Statistic
            title={t("coverage.rate")}
            value={formatRate(c.rate)}
            styles={{ content: { color: rateColor(c.rate, c.targetRate) } }}
          />
        </Col>
        <Col xs={24} md={9}>
          <Flex vertical gap={4}>
            <Typography.Text type="secondary">
              {t("coverage.target", { rate: formatRate(c.targetRate) })}
            </Typography.Text>
            <Progress
              percent={c.rate ?? 0}
              strokeColor={rateColor(c.rate, c.targetRate)}
              format={() => formatRate(c.rate)}
              aria-label={t("coverage.rate")}
            />
            <Typography.Text type={met ? "success" : "secondary"}>
              {c.population === 0
                ? t("coverage.noPopulation")
                : met
                  ? t("coverage.met")
                  : t("coverage.needed", { n: needed })}
            </Typography.Text>
          </Flex>
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t("coverage.range", { from: formatDate(c.from), to: formatDate(c.to) })}
      </Typography.Text>
    </Card>
  );
};

interface GroupsProps {
  c: Coverage;
  /** a specialist's or park's row was chosen: show its unvisited firms */
  onPick: (kind: "specialistId" | "parkId", id: string) => void;
}

/** Coverage by 服务专员, 小分队 and 园区, each row with its rate. */
export const CoverageGroups = ({ c, onPick }: GroupsProps) => {
  const { t } = useTranslation("visits");
  const columns = (nameTitle: string, pick?: "specialistId" | "parkId"): ColumnsType<CoverageGroup> => [
    {
      title: nameTitle,
      dataIndex: "name",
      render: (v: string, g) =>
        pick && g.id ? (
          <Typography.Link
            onClick={() => g.id && onPick(pick, g.id)}
            title={t("coverage.showUnvisited", { name: v })}
          >
            {v}
          </Typography.Link>
        ) : (
          v
        ),
    },
    { title: t("coverage.population"), dataIndex: "population", width: 90, align: "right" },
    { title: t("coverage.visited"), dataIndex: "visited", width: 90, align: "right" },
    {
      title: t("coverage.unvisited"),
      key: "unvisited",
      width: 90,
      align: "right",
      render: (_, g) => g.population - g.visited,
    },
    {
      title: t("coverage.rate"),
      dataIndex: "rate",
      width: 200,
      render: (r: number | null) => (
        <Progress
          percent={r ?? 0}
          size="small"
          strokeColor={rateColor(r, c.targetRate)}
          format={() => formatRate(r)}
        />
      ),
    },
  ];
  const table = (rows: CoverageGroup[], nameTitle: string, pick?: "specialistId" | "parkId") => (
    <Table<CoverageGroup>
      rowKey={(g) => g.id ?? "none"}
      size="small"
      columns={columns(nameTitle, pick)}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 560 }}
      locale={{ emptyText: t("coverage.noGroups") }}
    />
  );
  return (
    <Card style={{ marginBottom: 16 }} styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        items={[
          {
            key: "specialist",
            label: t("coverage.bySpecialist"),
            children: table(c.bySpecialist, t("coverage.specialist"), "specialistId"),
          },
          { key: "team", label: t("coverage.byTeam"), children: table(c.byTeam, t("coverage.team")) },
          {
            key: "park",
            label: t("coverage.byPark"),
            children: table(c.byPark, t("coverage.park"), "parkId"),
          },
        ]}
      />
    </Card>
  );
};
