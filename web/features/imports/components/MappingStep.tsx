import { Alert, Button, Card, Checkbox, Collapse, Flex, InputNumber, Select, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiErrorAlert } from "../../../components/ApiErrorAlert";
import { useExtensions } from "../../../lib/extensions";
import { type ImportJob, type MappingEntry, useUpdateImport, useValidateImport } from "../api/imports.api";
import { columnLetter } from "./columns";
import type { ImportEntity } from "./UploadStep";

interface Props {
  job: ImportJob;
  entity: ImportEntity | undefined;
  onReupload: () => void;
  /** the dry run has started */
  onValidating: () => void;
}

/** Step 2: check the header row and which sheet column feeds which field, set the options, start the dry run. */
export const MappingStep = ({ job, entity, onReupload, onValidating }: Props) => {
  const { t } = useTranslation("imports");
  const { RegionPicker } = useExtensions();
  const update = useUpdateImport();
  const validate = useValidateImport();
  const [mapping, setMapping] = useState<MappingEntry[]>(job.mapping);
  const [options, setOptions] = useState<Record<string, unknown>>(job.options);
  const [headerRow, setHeaderRow] = useState(job.headerRow);
  const byKey = useMemo(() => new Map(job.columns.map((c) => [c.key, c])), [job.columns]);

  const mappedKeys = mapping.map((m) => m.key).filter((k): k is string => Boolean(k));
  const problems = [
    ...job.columns
      .filter((c) => c.required && !mappedKeys.includes(c.key))
      .map((c) => t("mapping.missing", { label: c.label })),
    ...[...new Set(mappedKeys.filter((k, i) => mappedKeys.indexOf(k) !== i))].map((k) =>
      t("mapping.twice", { label: byKey.get(k)?.label ?? k }),
    ),
  ];
  const dataRows = job.preview.filter((r) => r.rowNo > job.headerRow);
  const samples = (index: number) =>
    dataRows
      .map((r) => r.cells[index])
      .filter((v): v is string => Boolean(v))
      .slice(0, 2)
      .join("；");
  const set = (index: number, change: Partial<MappingEntry>) =>
    setMapping((ms) => ms.map((m) => (m.index === index ? { ...m, ...change } : m)));

  const redetect = async () => {
    const saved = await update.mutateAsync({ id: job.id, change: { headerRow } });
    setMapping(saved.mapping);
  };
  const start = async () => {
    await update.mutateAsync({
      id: job.id,
      change: { mapping: mapping.map(({ index, key, unit }) => ({ index, key, unit })), options },
    });
    await validate.mutateAsync(job.id);
    onValidating();
  };
  const pending = update.isPending || validate.isPending;

  return (
    <Flex vertical gap={16}>
      <Alert
        type="info"
        showIcon
        title={t("mapping.found", {
          row: job.headerRow,
          mapped: mappedKeys.length,
          ignored: mapping.length - mappedKeys.length,
        })}
      />
      <Card size="small">
        <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
          <label htmlFor="import-header-row">{t("mapping.headerRow")}</label>
          <InputNumber
            id="import-header-row"
            min={1}
            max={1000}
            value={headerRow}
            onChange={(v) => setHeaderRow(v ?? job.headerRow)}
          />
          <Button onClick={redetect} disabled={headerRow === job.headerRow} loading={update.isPending}>
            {t("mapping.redetect")}
          </Button>
        </Flex>
        <Table
          size="small"
          rowKey="index"
          pagination={false}
          dataSource={mapping}
          scroll={{ y: 420 }}
          columns={[
            {
              title: t("mapping.sheetColumn"),
              key: "header",
              width: 220,
              render: (_v, m) => (
                <Typography.Text>
                  <Typography.Text type="secondary">{columnLetter(m.index)} </Typography.Text>
                  {m.header || "—"}
                </Typography.Text>
              ),
            },
            {
              title: t("mapping.sample"),
              key: "sample",
              ellipsis: true,
              render: (_v, m) => <Typography.Text type="secondary">{samples(m.index)}</Typography.Text>,
            },
            {
              title: t("mapping.target"),
              key: "target",
              width: 240,
              render: (_v, m) => (
                <Select
                  aria-label={`${t("mapping.target")} ${m.header || columnLetter(m.index)}`}
                  style={{ width: "100%" }}
                  showSearch={{ optionFilterProp: "label" }}
                  value={m.key ?? ""}
                  onChange={(key: string) => set(m.index, { key: key || null, unit: null })}
                  options={[
                    { value: "", label: t("mapping.ignore") },
                    ...job.columns.map((c) => ({
                      value: c.key,
                      label: c.required ? `${c.label}（${t("mapping.required")}）` : c.label,
                    })),
                  ]}
                />
              ),
            },
            {
              title: t("mapping.unit"),
              key: "unit",
              width: 170,
              render: (_v, m) => {
                const col = m.key ? byKey.get(m.key) : undefined;
                if (!col?.units) return null;
                const units = col.units.filter((u) => col.allowUsd || !u.includes("美元"));
                return (
                  <Select
                    aria-label={`${t("mapping.unit")} ${m.header}`}
                    style={{ width: "100%" }}
                    value={m.unit ?? ""}
                    onChange={(unit: string) => set(m.index, { unit: unit || null })}
                    options={[
                      { value: "", label: t("mapping.unitFromCell") },
                      ...units.map((u) => ({ value: u, label: u })),
                    ]}
                  />
                );
              },
            },
          ]}
        />
      </Card>
      {(entity?.options?.length ?? 0) + (entity?.moreOptions?.length ?? 0) > 0 && (
        <Card size="small" title={t("mapping.options")}>
          <Flex vertical gap={12}>
            {entity?.options?.includes("region") && (
              <Flex align="center" gap={8} wrap>
                <span>{t("mapping.region")}</span>
                <RegionPicker
                  style={{ width: 280 }}
                  allowClear
                  value={(options.regionId as string | undefined) ?? null}
                  onChange={(v) => setOptions((o) => ({ ...o, regionId: v ?? undefined }))}
                />
                <Typography.Text type="secondary">{t("mapping.regionHint")}</Typography.Text>
              </Flex>
            )}
            {entity?.options?.includes("year") && (
              <Flex align="center" gap={8} wrap>
                <label htmlFor="import-year">{t("mapping.year")}</label>
                <InputNumber
                  id="import-year"
                  min={1990}
                  max={2100}
                  value={(options.year as number | undefined) ?? null}
                  onChange={(v) => setOptions((o) => ({ ...o, year: v ?? undefined }))}
                />
                <Typography.Text type="secondary">{t("mapping.yearHint")}</Typography.Text>
              </Flex>
            )}
            {entity?.moreOptions?.map((o) => (
              <Flex key={o.key} align="center" gap={8} wrap>
                <label htmlFor={`import-${o.key}`}>{o.label}</label>
                {o.input({
                  id: `import-${o.key}`,
                  value: options[o.key],
                  onChange: (v) => setOptions((prev) => ({ ...prev, [o.key]: v ?? undefined })),
                })}
                {o.hint && <Typography.Text type="secondary">{o.hint}</Typography.Text>}
              </Flex>
            ))}
            <Checkbox
              checked={options.blankClears === true}
              onChange={(e) => setOptions((o) => ({ ...o, blankClears: e.target.checked }))}
            >
              {t("mapping.blankClears")}
              <Typography.Text type="secondary">（{t("mapping.blankClearsHint")}）</Typography.Text>
            </Checkbox>
          </Flex>
        </Card>
      )}
      <Collapse
        size="small"
        items={[
          {
            key: "preview",
            label: t("mapping.preview", { n: job.preview.length }),
            children: <PreviewTable job={job} />,
          },
        ]}
      />
      {problems.length > 0 && <Alert type="warning" showIcon title={problems.join("；")} />}
      <ApiErrorAlert error={update.error ?? validate.error} />
      <Flex gap={8} justify="flex-end">
        <Button onClick={onReupload}>{t("mapping.reupload")}</Button>
        <Button type="primary" onClick={start} loading={pending} disabled={problems.length > 0}>
          {t("mapping.validate")}
        </Button>
      </Flex>
    </Flex>
  );
};

/** The first rows as read, the header row marked, so a user can see where the header is. */
const PreviewTable = ({ job }: { job: ImportJob }) => {
  const { t } = useTranslation("imports");
  const width = Math.max(0, ...job.preview.map((r) => r.cells.length));
  return (
    <Table
      size="small"
      rowKey="rowNo"
      pagination={false}
      scroll={{ x: true }}
      dataSource={job.preview}
      rowClassName={(r) => (r.rowNo === job.headerRow ? "ant-table-row-selected" : "")}
      columns={[
        { title: t("mapping.rowNo"), dataIndex: "rowNo", width: 60, fixed: "left" },
        ...Array.from({ length: width }, (_, i) => ({
          title: columnLetter(i),
          key: String(i),
          ellipsis: true,
          width: 140,
          render: (_v: unknown, r: ImportJob["preview"][number]) => r.cells[i] ?? "",
        })),
      ]}
    />
  );
};
