import { InputNumber, Modal, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RunCreate, RunRow, SchemeRow } from "../../../../common/kpi.schema";

type Adjustments = RunCreate["adjustments"];

/**
 * Points for the scheme's bonus and deduction items, unit by unit, before a ranking is computed;
 * prefilled from the period's last run. Each item's cap is the input's maximum (the server
 * refuses more, too).
 */
export const AdjustModal = ({
  scheme,
  last,
  loading,
  onOk,
  onClose,
}: {
  scheme: SchemeRow;
  last: RunRow | null;
  loading: boolean;
  onOk: (adjustments: Adjustments) => void;
  onClose: () => void;
}) => {
  const { t } = useTranslation("kpi");
  const [points, setPoints] = useState<Record<string, number | null>>(() => {
    const init: Record<string, number | null> = {};
    for (const u of last?.units ?? []) for (const a of u.adjustments) init[`${u.unitId}|${a.key}`] = a.points;
    return init;
  });
  const submit = () =>
    onOk(
      Object.entries(points)
        .filter(([, p]) => p)
        .map(([k, p]) => {
          const [unitId, key] = k.split("|") as [string, string];
          return { unitId, key, points: p! };
        }),
    );
  return (
    <Modal
      open
      width={760}
      title={t("ranking.adjustments")}
      onCancel={onClose}
      onOk={submit}
      okButtonProps={{ loading }}
    >
      <Typography.Paragraph type="secondary">{t("ranking.adjustHint")}</Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={scheme.units}
        columns={[
          { title: t("ranking.unit"), dataIndex: "name" },
          ...scheme.adjustments.map((a) => ({
            title: `${a.label}（${a.kind === "bonus" ? t("schemes.bonus") : t("schemes.deduction")} ≤ ${a.cap}）`,
            key: a.key,
            render: (_: unknown, u: { id: string; name: string }) => (
              <InputNumber
                aria-label={`${u.name} ${a.label}`}
                min={0}
                max={a.cap}
                value={points[`${u.id}|${a.key}`] ?? null}
                onChange={(v) => setPoints((p) => ({ ...p, [`${u.id}|${a.key}`]: v }))}
              />
            ),
          })),
        ]}
      />
    </Modal>
  );
};
