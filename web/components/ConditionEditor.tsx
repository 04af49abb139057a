import { CloseOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Button,
  ConfigProvider,
  DatePicker,
  Flex,
  Input,
  InputNumber,
  Select,
  Switch,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { createContext, type ReactNode, useContext } from "react";
import { useTranslation } from "react-i18next";
import {
  type Condition,
  type ConditionField,
  type ConditionLeaf,
  type ConditionOp,
  checkCondition,
  conditionOpLabels,
  describeCondition,
  isLeaf,
  opsFor,
} from "../../common/conditions";
import { registerMessages } from "../lib/i18n";

// The editor is shared (visit plans, policy eligibility, evaluation scope): it brings its own words.
registerMessages("conditions", {
  "zh-CN": {
    mode: { all: "同时满足", any: "满足任一", none: "均不满足" },
    following: "以下条件",
    addRow: "添加条件",
    addGroup: "添加条件组",
    removeRow: "删除此条件",
    removeGroup: "删除此条件组",
    field: "条件字段",
    fieldPh: "选择字段",
    op: "运算符",
    value: "取值",
    valuePh: "填写取值",
    valuesPh: "选择或输入，可多项",
    from: "下限",
    to: "上限",
    yes: "是",
    no: "否",
    empty: "未设条件：不限",
    inWords: "条件：",
  },
  en: {
    mode: { all: "All of", any: "Any of", none: "None of" },
    following: "the following",
    addRow: "Add condition",
    addGroup: "Add group",
    removeRow: "Remove condition",
    removeGroup: "Remove group",
    field: "Field",
    fieldPh: "Choose a field",
    op: "Operator",
    value: "Value",
    valuePh: "Value",
    valuesPh: "Choose or type, several allowed",
    from: "From",
    to: "To",
    yes: "Yes",
    no: "No",
    empty: "No condition: everything",
    inWords: "Condition: ",
  },
});

/** Read-only: the inputs are disabled (ConfigProvider) and the add/remove buttons hidden. */
const ReadOnly = createContext(false);

type Mode = "all" | "any" | "none";
interface Group {
  mode: Mode;
  items: Condition[];
}

/** Any condition as a group the editor shows: a leaf or a lone `not` becomes a group of one. */
const toGroup = (c: Condition): Group => {
  if ("all" in c) return { mode: "all", items: c.all };
  if ("any" in c) return { mode: "any", items: c.any };
  if ("not" in c)
    return "any" in c.not ? { mode: "none", items: c.not.any } : { mode: "none", items: [c.not] };
  return { mode: "all", items: [c] };
};
// "None of" is stored as not(any(…)), which the language has; the editor only names it.
const fromGroup = (g: Group): Condition =>
  g.mode === "all" ? { all: g.items } : g.mode === "any" ? { any: g.items } : { not: { any: g.items } };

/** The value a fresh leaf starts with, so its row is already in a valid shape where it can be. */
const defaultValue = (f: ConditionField, op: ConditionOp): unknown => {
  if (op === "is_null") return true;
  if (op === "in") return [];
  if (op === "between") return [null, null];
  if (f.type === "boolean") return true;
  if (op === "has_label" || f.options) return f.options?.[0]?.value;
  return undefined;
};

const newLeaf = (f: ConditionField): ConditionLeaf => {
  const op = opsFor[f.type][0] ?? "eq";
  return { field: f.key, op, value: defaultValue(f, op) };
};

/** Keeps what still fits when the operator changes (a number stays when eq becomes gte). */
const valueForOp = (f: ConditionField, from: ConditionLeaf, op: ConditionOp): unknown => {
  const v = from.value;
  const many = (o: ConditionOp) => o === "in" || o === "between";
  if (many(op) === many(from.op) && op !== "is_null" && from.op !== "is_null") {
    return op === "between" && from.op === "in" ? defaultValue(f, op) : v;
  }
  if (op === "in" && v !== undefined && v !== null && !Array.isArray(v)) return [v];
  if (op === "between" && !Array.isArray(v) && (typeof v === "number" || typeof v === "string"))
    return [v, null];
  if (!many(op) && Array.isArray(v) && op !== "is_null") return v[0] ?? defaultValue(f, op);
  return defaultValue(f, op);
};

interface ValueProps {
  field: ConditionField;
  leaf: ConditionLeaf;
  onChange: (value: unknown) => void;
}

/** One value of the field's type: a switch, a choice, a number with its unit, a day or text. */
const scalar = (f: ConditionField, v: unknown, set: (x: unknown) => void, label: string, ph: string) => {
  if (f.type === "boolean") return <Switch aria-label={label} checked={v === true} onChange={set} />;
  if (f.options)
    return (
      <Select<string>
        aria-label={label}
        value={typeof v === "string" ? v : undefined}
        onChange={set}
        options={f.options.map((o) => ({ value: o.value, label: o.label }))}
        showSearch={{ optionFilterProp: "label" }}
        style={{ width: 200 }}
        popupMatchSelectWidth={false}
      />
    );
  if (f.type === "number")
    return (
      <InputNumber<number>
        aria-label={label}
        value={typeof v === "number" ? v : null}
        onChange={(n) => set(n ?? null)}
        suffix={f.unit}
        placeholder={ph}
        style={{ width: 160 }}
      />
    );
  if (f.type === "date")
    return (
      <DatePicker
        aria-label={label}
        value={typeof v === "string" && v ? dayjs(v) : null}
        onChange={(d) => set(d ? d.format("YYYY-MM-DD") : null)}
        placeholder={ph}
      />
    );
  return (
    <Input
      aria-label={label}
      value={typeof v === "string" ? v : ""}
      onChange={(e) => set(e.target.value || null)}
      placeholder={ph}
      style={{ width: 200 }}
    />
  );
};

/** The input that fits the field's type and the operator: one value, two (介于) or several (属于). */
const ValueInput = ({ field: f, leaf, onChange }: ValueProps) => {
  const { t } = useTranslation("conditions");
  const label = `${f.label}${t("value")}`;
  const v = leaf.value;
  if (leaf.op === "is_null")
    return (
      <Select<"yes" | "no">
        aria-label={label}
        value={v === false ? "no" : "yes"}
        onChange={(x) => onChange(x === "yes")}
        options={[
          { value: "yes", label: t("yes") },
          { value: "no", label: t("no") },
        ]}
        style={{ width: 90 }}
      />
    );
  if (leaf.op === "in")
    return (
      <Select<string[]>
        aria-label={label}
        mode={f.options ? "multiple" : "tags"}
        value={Array.isArray(v) ? v.map(String) : []}
        options={f.options?.map((o) => ({ value: o.value, label: o.label }))}
        onChange={(xs) => onChange(f.type === "number" ? xs.map(Number).filter(Number.isFinite) : xs)}
        placeholder={t("valuesPh")}
        style={{ width: 320, maxWidth: "100%" }}
        tokenSeparators={[",", "，", "、"]}
      />
    );
  if (leaf.op === "between") {
    const [lo, hi] = Array.isArray(v) ? v : [null, null];
    return (
      <Flex gap={4} align="center" wrap>
        {scalar(f, lo, (x) => onChange([x, hi ?? null]), `${label}${t("from")}`, t("from"))}
        <Typography.Text type="secondary">—</Typography.Text>
        {scalar(f, hi, (x) => onChange([lo ?? null, x]), `${label}${t("to")}`, t("to"))}
      </Flex>
    );
  }
  // A cleared input leaves no value (undefined), which the check reports as missing.
  return scalar(f, v, (x) => onChange(x ?? undefined), label, t("valuePh"));
};

interface LeafProps {
  fields: readonly ConditionField[];
  leaf: ConditionLeaf;
  onChange: (leaf: ConditionLeaf) => void;
  onRemove: () => void;
}

const LeafRow = ({ fields, leaf, onChange, onRemove }: LeafProps) => {
  const { t } = useTranslation("conditions");
  const readOnly = useContext(ReadOnly);
  const f = fields.find((x) => x.key === leaf.field);
  // A problem shows once the row has a value to judge: a fresh row is not yet wrong.
  const touched = leaf.value !== undefined && !(Array.isArray(leaf.value) && leaf.value.length === 0);
  const problem = f && touched ? checkCondition(leaf, fields)[0] : undefined;
  return (
    <Flex vertical gap={2} data-testid="condition-row">
      <Flex gap={8} align="center" wrap>
        <Select<string>
          aria-label={t("field")}
          value={f ? leaf.field : undefined}
          placeholder={t("fieldPh")}
          onChange={(key) => {
            const next = fields.find((x) => x.key === key);
            if (next) onChange(newLeaf(next));
          }}
          options={fields.map((x) => ({ value: x.key, label: x.label }))}
          showSearch={{ optionFilterProp: "label" }}
          style={{ width: 170 }}
          popupMatchSelectWidth={false}
        />
        {f && (
          <Select<ConditionOp>
            aria-label={`${f.label}${t("op")}`}
            value={leaf.op}
            onChange={(op) => onChange({ field: leaf.field, op, value: valueForOp(f, leaf, op) })}
            options={opsFor[f.type].map((op) => ({ value: op, label: conditionOpLabels[op] }))}
            style={{ width: 110 }}
            popupMatchSelectWidth={false}
          />
        )}
        {f && <ValueInput field={f} leaf={leaf} onChange={(value) => onChange({ ...leaf, value })} />}
        {!readOnly && (
          <Button
            type="text"
            size="small"
            icon={<CloseOutlined />}
            aria-label={t("removeRow")}
            title={t("removeRow")}
            onClick={onRemove}
          />
        )}
      </Flex>
      {problem && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {problem.message}
        </Typography.Text>
      )}
    </Flex>
  );
};

interface GroupProps {
  fields: readonly ConditionField[];
  value: Condition;
  onChange: (c: Condition) => void;
  onRemove?: () => void;
  depth: number;
  maxDepth: number;
}

const GroupBox = ({ fields, value, onChange, onRemove, depth, maxDepth }: GroupProps) => {
  const { t } = useTranslation("conditions");
  const readOnly = useContext(ReadOnly);
  const g = toGroup(value);
  const set = (items: Condition[], mode: Mode = g.mode) => onChange(fromGroup({ mode, items }));
  const replace = (i: number, c: Condition) => set(g.items.map((x, j) => (j === i ? c : x)));
  const remove = (i: number) => set(g.items.filter((_, j) => j !== i));
  const first = fields[0];
  return (
    <Flex
      vertical
      gap={8}
      role="group"
      aria-label={t(`mode.${g.mode}`)}
      style={
        depth > 0
          ? { borderInlineStart: "3px solid #d6e4ff", paddingInlineStart: 12, paddingBlock: 4 }
          : undefined
      }
    >
      <Flex gap={8} align="center" wrap>
        <Select<Mode>
          aria-label={t("following")}
          value={g.mode}
          onChange={(mode) => set(g.items, mode)}
          options={(["all", "any", "none"] as const).map((m) => ({ value: m, label: t(`mode.${m}`) }))}
          style={{ width: 120 }}
        />
        <Typography.Text type="secondary">{t("following")}</Typography.Text>
        {onRemove && !readOnly && (
          <Button type="link" size="small" danger onClick={onRemove}>
            {t("removeGroup")}
          </Button>
        )}
      </Flex>
      {g.items.map((c, i) =>
        isLeaf(c) ? (
          <LeafRow
            // Rows carry no id: a row is its place in the group (values are controlled).
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={i}
            fields={fields}
            leaf={c}
            onChange={(leaf) => replace(i, leaf)}
            onRemove={() => remove(i)}
          />
        ) : (
          <GroupBox
            // biome-ignore lint/suspicious/noArrayIndexKey: rows carry no id
            key={i}
            fields={fields}
            value={c}
            depth={depth + 1}
            maxDepth={maxDepth}
            onChange={(next) => replace(i, next)}
            onRemove={() => remove(i)}
          />
        ),
      )}
      {!readOnly && first && (
        <Flex gap={8} wrap>
          <Button size="small" icon={<PlusOutlined />} onClick={() => set([...g.items, newLeaf(first)])}>
            {t("addRow")}
          </Button>
          {depth < maxDepth && (
            <Button
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => set([...g.items, { any: [newLeaf(first)] }])}
            >
              {t("addGroup")}
            </Button>
          )}
        </Flex>
      )}
    </Flex>
  );
};

interface Props {
  /** what the condition may ask, as the owning module publishes it (e.g. enterpriseFields) */
  fields: readonly ConditionField[];
  value?: Condition;
  onChange?: (value: Condition) => void;
  disabled?: boolean;
  /** nested groups allowed below the top one */
  maxDepth?: number;
  /** shown under the condition in words, e.g. how many records it selects now */
  extra?: ReactNode;
  id?: string;
}

/**
 * The condition language of common/conditions.ts as a form control: groups of 同时满足 / 满足任一
 * / 均不满足, each row a field, an operator that fits its type and a value input that fits both,
 * and the whole condition in words below. Works as an antd Form.Item child (value / onChange).
 */
export const ConditionEditor = ({ fields, value, onChange, disabled, maxDepth = 2, extra, id }: Props) => {
  const { t } = useTranslation("conditions");
  const c = value ?? { all: [] };
  const empty = "all" in c && c.all.length === 0;
  return (
    <ConfigProvider componentDisabled={disabled}>
      <ReadOnly.Provider value={Boolean(disabled)}>
        <Flex id={id} vertical gap={8} style={{ background: "#fafafa", borderRadius: 8, padding: 12 }}>
          <GroupBox
            fields={fields}
            value={c}
            onChange={(next) => onChange?.(next)}
            depth={0}
            maxDepth={maxDepth}
          />
          <Typography.Text data-testid="condition-words">
            {empty ? (
              <Typography.Text type="secondary">{t("empty")}</Typography.Text>
            ) : (
              <>
                <Typography.Text type="secondary">{t("inWords")}</Typography.Text>
                {describeCondition(c, fields)}
              </>
            )}
          </Typography.Text>
          {extra}
        </Flex>
      </ReadOnly.Provider>
    </ConfigProvider>
  );
};

/** The first problem of a condition, for a form rule; null when it can run. */
export const conditionProblem = (
  c: Condition | undefined,
  fields: readonly ConditionField[],
): string | null => (c ? (checkCondition(c, fields)[0]?.message ?? null) : null);
