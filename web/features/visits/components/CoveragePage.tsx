import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button, DatePicker, Flex, Result, Skeleton, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { PageHeader } from "../../../components/PageHeader";
import { isApiError } from "../../../lib/api";
import { useListState } from "../../../lib/list-state";
import { useCoverage, useVisitPlan } from "../api/plans.api";
import { CoverageGroups, CoverageHeadline } from "./CoverageParts";
import { periodLabel, periodOf, startOfPeriod } from "./periods";
import { UnvisitedList, unvisitedFilterKeys } from "./UnvisitedList";

/** 覆盖率: one plan's coverage in a period — headline, by specialist, team and park, and who is left. */
export const CoveragePage = () => {
  const { t } = useTranslation("visits");
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const asked = params.get("period") ?? undefined;
  const plan = useVisitPlan(id);
  const coverage = useCoverage(id, asked);
  const list = useListState(unvisitedFilterKeys);
  // The server picks the current period when none is asked; the picker shows which it chose.
  const period = asked ?? coverage.data?.period;

  if (plan.isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (!plan.data) {
    const missing = isApiError(plan.error) && (plan.error.status === 404 || plan.error.status === 400);
    return missing ? (
      <Result
        status="404"
        title={t("coverage.notFound")}
        extra={
          <Link to="/visits/plans">
            <Button type="primary">{t("coverage.back")}</Button>
          </Link>
        }
      />
    ) : (
      <ApiErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />
    );
  }
  const p = plan.data;
  const setPeriod = (next: string | undefined) =>
    setParams(
      (prev) => {
        const sp = new URLSearchParams(prev);
        if (next) sp.set("period", next);
        else sp.delete("period");
        sp.delete("page");
        return sp;
      },
      { replace: true },
    );
  const current = periodOf(p.period);

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <Link to="/visits/plans" aria-label={t("coverage.back")}>
              <ArrowLeftOutlined />
            </Link>
            {p.name}
            <Tag color="blue">{t(`period.${p.period}`)}</Tag>
            {!p.active && <Tag>{t("plan.off")}</Tag>}
          </Flex>
        }
        sub={t("coverage.sub", { condition: p.conditionText, scope: p.parkName ?? p.regionName })}
        extra={
          <Flex gap={8} align="center">
            <Typography.Text type="secondary">{t("coverage.period")}</Typography.Text>
            <DatePicker
              picker={p.period}
              value={period ? startOfPeriod(period) : null}
              onChange={(d) => setPeriod(d ? periodOf(p.period, d) : undefined)}
              format={(d) => periodLabel(periodOf(p.period, d), t)}
              disabledDate={(d) => periodOf(p.period, d) > current && d.isAfter(dayjs())}
              allowClear={false}
              inputReadOnly
              aria-label={t("coverage.period")}
              style={{ width: 170 }}
            />
            {period && period !== current && (
              <Button size="small" onClick={() => setPeriod(undefined)}>
                {t("coverage.current")}
              </Button>
            )}
          </Flex>
        }
      />
      <ApiErrorAlert error={coverage.error} onRetry={() => void coverage.refetch()} />
      {coverage.isLoading && <Skeleton active />}
      {coverage.data && (
        <>
          <CoverageHeadline c={coverage.data} />
          <CoverageGroups
            c={coverage.data}
            onPick={(kind, value) => {
              list.update({ [kind]: value });
              document.getElementById("unvisited")?.scrollIntoView({ behavior: "smooth", block: "start" });
            }}
          />
        </>
      )}
      <div id="unvisited">
        {/* The period asked, not the one the server chose: both lists then follow the same default. */}
        <UnvisitedList planId={p.id} period={asked} coverage={coverage.data} list={list} />
      </div>
    </>
  );
};
