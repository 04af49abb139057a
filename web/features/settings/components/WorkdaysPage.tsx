import { LeftOutlined, RightOutlined } from "@ant-design/icons";
import { App, Button, Card, Col, Flex, Input, Row, Select, Skeleton, Tag, Typography } from "antd";
import { type CSSProperties, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  type WorkdayDay,
  type WorkdayOverride,
} from "../../../../common/workdays.schema";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { useFeedback } from "../../../lib/feedback";
import {
  useRemoveWorkdayOverride,
  useSetWorkdayOverride,
  useWorkdayOverrides,
  useWorkdayYear,
} from "../api/workdays.api";

const years = Array.from(
  { length: CALENDAR_LAST_YEAR - CALENDAR_FIRST_YEAR + 1 },
  (_, i) => CALENDAR_FIRST_YEAR + i,
);
const clampYear = (y: number) => Math.min(CALENDAR_LAST_YEAR, Math.max(CALENDAR_FIRST_YEAR, y));

/** Monday-first column of a day (0 = Monday), from its UTC weekday. */
const column = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

const palette: Record<string, CSSProperties> = {
  holiday: { background: "#fff1f0", color: "#cf1322" },
  adjusted_workday: { background: "#fff7e6", color: "#d46b08" },
  weekend: { background: "#fafafa", color: "#8c8c8c" },
  normal: { background: "#fff", color: "rgba(0,0,0,0.88)" },
};

/** What a day looks like: an override takes the look of what the day now is, plus a blue ring. */
const look = (d: WorkdayDay): string => {
  if (d.source !== "override") return d.source;
  if (!d.isWorkday) return "holiday";
  return column(d.day) >= 5 ? "adjusted_workday" : "normal";
};

const cellStyle = (d: WorkdayDay): CSSProperties => {
  const base = palette[look(d)];
  return {
    ...base,
    border: d.source === "override" ? "2px solid #1677ff" : "1px solid #f0f0f0",
    borderRadius: 4,
    padding: "2px 0",
    minHeight: 40,
    width: "100%",
    cursor: "pointer",
    font: "inherit",
    lineHeight: 1.2,
  };
};

interface MonthProps {
  month: number;
  days: WorkdayDay[];
  onPick: (d: WorkdayDay) => void;
}

const MonthGrid = ({ month, days, onPick }: MonthProps) => {
  const { t } = useTranslation("workdays");
  const blanks = days[0] ? column(days[0].day) : 0;
  const heads = t("weekdays").split(" ");
  return (
    <Card size="small" title={t("months", { m: month })}>
      <div style={{ display: "grid", gridTemplateColumns: "repeat(7, 1fr)", gap: 2, textAlign: "center" }}>
        {heads.map((h) => (
          <Typography.Text key={h} type="secondary" style={{ fontSize: 12 }}>
            {h}
          </Typography.Text>
        ))}
        {heads.slice(0, blanks).map((h) => (
          <span key={`blank-${h}`} />
        ))}
        {days.map((d) => {
          const kind = look(d);
          const mark = kind === "holiday" || kind === "adjusted_workday" ? t(`mark.${kind}`) : "";
          return (
            <button
              type="button"
              key={d.day}
              data-day={d.day}
              data-source={d.source}
              title={[d.day, d.name, mark].filter(Boolean).join(" ")}
              style={cellStyle(d)}
              onClick={() => onPick(d)}
            >
              <div>{Number(d.day.slice(8))}</div>
              <div style={{ fontSize: 10, minHeight: 12 }}>{d.name ?? mark}</div>
            </button>
          );
        })}
      </div>
    </Card>
  );
};

export const WorkdaysPage = () => {
  const { t } = useTranslation("workdays");
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const [year, setYear] = useState(() => clampYear(new Date().getFullYear()));
  const calendar = useWorkdayYear(year);
  const overrides = useWorkdayOverrides(year);
  const setOverride = useSetWorkdayOverride();
  const removeOverride = useRemoveWorkdayOverride();

  const months = useMemo(() => {
    const byMonth = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, days: [] as WorkdayDay[] }));
    for (const d of calendar.data?.days ?? []) byMonth[Number(d.day.slice(5, 7)) - 1]?.days.push(d);
    return byMonth;
  }, [calendar.data]);
  const overrideOf = useMemo(
    () => new Map((overrides.data ?? []).map((o): [string, WorkdayOverride] => [o.day, o])),
    [overrides.data],
  );

  const pick = (d: WorkdayDay) => {
    const existing = overrideOf.get(d.day);
    if (existing) {
      modal.confirm({
        title: t("confirm.undo", { day: d.day }),
        content: t("confirm.undoHint"),
        okText: t("confirm.ok"),
        cancelText: t("confirm.cancel"),
        onOk: () =>
          removeOverride
            .mutateAsync({ day: d.day, version: existing.version })
            .then(() => feedback.success(t("removed", { day: d.day })), feedback.error),
      });
      return;
    }
    let name = d.name ?? "";
    const isWorkday = !d.isWorkday;
    modal.confirm({
      title: t(isWorkday ? "confirm.toWork" : "confirm.toRest", { day: d.day }),
      content: (
        <Flex vertical gap={4} style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t("confirm.nameLabel")}</Typography.Text>
          <Input
            aria-label={t("confirm.nameLabel")}
            defaultValue={name}
            maxLength={20}
            placeholder={t("confirm.namePlaceholder")}
            onChange={(e) => {
              name = e.target.value;
            }}
          />
        </Flex>
      ),
      okText: t("confirm.ok"),
      cancelText: t("confirm.cancel"),
      onOk: () =>
        setOverride
          .mutateAsync({ day: d.day, isWorkday, name: name.trim() || null })
          .then(() => feedback.success(t("saved", { day: d.day })), feedback.error),
    });
  };

  return (
    <>
      <PageHeader
        title={t("title")}
        sub={t("sub")}
        extra={
          <>
            <Button
              aria-label={t("prevYear")}
              icon={<LeftOutlined />}
              disabled={year <= CALENDAR_FIRST_YEAR}
              onClick={() => setYear((y) => clampYear(y - 1))}
            />
            <Select
              aria-label={t("year")}
              value={year}
              style={{ width: 110 }}
              options={years.map((y) => ({ value: y, label: String(y) }))}
              onChange={setYear}
            />
            <Button
              aria-label={t("nextYear")}
              icon={<RightOutlined />}
              disabled={year >= CALENDAR_LAST_YEAR}
              onClick={() => setYear((y) => clampYear(y + 1))}
            />
          </>
        }
      />
      <ApiErrorAlert error={calendar.error ?? overrides.error} onRetry={() => void calendar.refetch()} />
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        {calendar.data && (
          <Typography.Text strong>{t("summary", { year, n: calendar.data.workdays })}</Typography.Text>
        )}
        <Tag color="red">{t("legend.holiday")}</Tag>
        <Tag color="orange">{t("legend.adjusted_workday")}</Tag>
        <Tag>{t("legend.weekend")}</Tag>
        <Tag color="blue">{t("legend.override")}</Tag>
        <Typography.Text type="secondary">{t("hint")}</Typography.Text>
      </Flex>
      {calendar.isLoading ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Row gutter={[12, 12]}>
          {months.map(({ month, days }) => (
            <Col key={month} xs={24} sm={12} lg={8} xxl={6}>
              <MonthGrid month={month} days={days} onPick={pick} />
            </Col>
          ))}
        </Row>
      )}
    </>
  );
};
