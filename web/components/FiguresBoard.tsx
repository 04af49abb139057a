import { Card, Col, DatePicker, Empty, Row, Skeleton, Statistic, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs from "dayjs";
import type { EChartsOption } from "echarts";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiErrorAlert } from "./ApiErrorAlert";
import { EChart } from "./EChart";

export interface FigureCard {
  key: string;
  title: string;
  value: ReactNode;
  suffix?: ReactNode;
  /** shown in red (e.g. overdue, when any) */
  danger?: boolean;
}

interface Props<T> {
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  /** the empty state's words, when there is no row at all */
  empty: string;
  /** filters are set, so the empty state says nothing matched */
  filtered: boolean;
  cards: FigureCard[];
  /** cards per row on a wide screen */
  perRow?: 4 | 6;
  chart: { title: string; option: EChartsOption; rowHeight: number };
  rowKey: keyof T & string;
  rows: T[];
  columns: ColumnsType<T>;
  /** the summary row after the first column's label, cell by cell */
  summary: { label: string; cells: ReactNode[] };
}

/**
 * A figures page's body: headline cards, a bar chart, and the table with its total row — the
 * shape of the department figures of problems and appeals alike.
 */
export function FiguresBoard<T extends object>(p: Props<T>) {
  const { t } = useTranslation();
  if (p.loading) return <Skeleton active paragraph={{ rows: 8 }} />;
  return (
    <>
      <ApiErrorAlert error={p.error} onRetry={p.onRetry} />
      {p.rows.length === 0 ? (
        <Card>
          <Empty description={p.filtered ? t("common:state.noMatch") : p.empty} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {p.cards.map((c) => (
            <Col key={c.key} xs={12} md={8} xl={p.perRow === 4 ? 6 : 4}>
              <Card style={{ height: "100%" }}>
                <Statistic
                  title={c.title}
                  value={c.value as string | number}
                  suffix={c.suffix}
                  styles={{ content: { color: c.danger ? "#cf1322" : undefined } }}
                />
              </Card>
            </Col>
          ))}
          <Col span={24}>
            <Card title={p.chart.title}>
              <EChart
                option={p.chart.option}
                height={Math.max(220, p.rows.length * p.chart.rowHeight + 60)}
                label={p.chart.title}
              />
            </Card>
          </Col>
          <Col span={24}>
            <Card>
              <Table<T>
                rowKey={p.rowKey}
                dataSource={p.rows}
                pagination={false}
                scroll={{ x: "max-content" }}
                columns={p.columns}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <Typography.Text strong>{p.summary.label}</Typography.Text>
                    </Table.Summary.Cell>
                    {p.summary.cells.map((v, i) => (
                      <Table.Summary.Cell key={String(i)} index={i + 1} align="right">
                        <Typography.Text strong>{v}</Typography.Text>
                      </Table.Summary.Cell>
                    ))}
                  </Table.Summary.Row>
                )}
              />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}

/** The raised-between range both figures pages filter by, kept in the list state as two days. */
export const RaisedRange = ({
  from,
  to,
  placeholder,
  onChange,
}: {
  from: string | undefined;
  to: string | undefined;
  placeholder?: [string, string];
  onChange: (range: { raisedFrom: string | undefined; raisedTo: string | undefined }) => void;
}) => (
  <DatePicker.RangePicker
    value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
    allowEmpty={[true, true]}
    placeholder={placeholder}
    onChange={(r) =>
      onChange({ raisedFrom: r?.[0]?.format("YYYY-MM-DD"), raisedTo: r?.[1]?.format("YYYY-MM-DD") })
    }
  />
);
