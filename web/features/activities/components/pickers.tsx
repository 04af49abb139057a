import { Select, Spin } from "antd";
import { type CSSProperties, useMemo } from "react";
import { PersonFilter, useSearchText } from "../../../components/pickers";
import { useProjectTeams } from "../../../lib/reference.api";
import {
  type Named,
  participantRoles,
  type SubjectOption,
  useEnterpriseSubjects,
  useParkOptions,
  useParticipants,
  useProjectSubjects,
} from "../api/reference.api";

interface Stored {
  id: string;
  label: string;
}

interface MultiProps {
  value?: string[];
  onChange?: (value: string[]) => void;
  /** names of the stored choices, shown before any search has run */
  stored?: readonly Stored[];
  placeholder?: string;
  id?: string;
  disabled?: boolean;
  style?: CSSProperties;
  /** a choice was added: the form may take its park and team */
  onPicked?: (option: SubjectOption) => void;
}

const withStored = (
  list: { value: string; label: string }[],
  value: readonly string[] | undefined,
  stored: readonly Stored[] | undefined,
) => {
  const missing = (stored ?? []).filter((s) => value?.includes(s.id) && !list.some((o) => o.value === s.id));
  return [...missing.map((s) => ({ value: s.id, label: s.label })), ...list];
};

const MultiSearch = ({
  options,
  loading,
  onSearch,
  value,
  onChange,
  placeholder,
  id,
  disabled,
  style,
}: MultiProps & {
  options: { value: string; label: string }[];
  loading: boolean;
  onSearch: (q: string) => void;
}) => (
  <Select<string[]>
    id={id}
    mode="multiple"
    value={value ?? []}
    onChange={(v) => onChange?.(v)}
    options={options}
    showSearch={{ filterOption: false, onSearch }}
    onBlur={() => onSearch("")}
    notFoundContent={loading ? <Spin size="small" /> : undefined}
    loading={loading}
    placeholder={placeholder}
    disabled={disabled}
    style={{ width: "100%", ...style }}
    allowClear
  />
);

/** Records of one kind found by search; the hint (code and investor, or park) tells namesakes apart. */
const SubjectsPicker = ({
  hits,
  loading,
  setSearch,
  ...props
}: MultiProps & { hits: SubjectOption[] | undefined; loading: boolean; setSearch: (q: string) => void }) => {
  const options = useMemo(
    () =>
      withStored(
        (hits ?? []).map((h) => ({ value: h.id, label: h.hint ? `${h.name}（${h.hint}）` : h.name })),
        props.value,
        props.stored,
      ),
    [hits, props.value, props.stored],
  );
  return (
    <MultiSearch
      {...props}
      options={options}
      loading={loading}
      onSearch={setSearch}
      onChange={(next) => {
        const added = next.find((v) => !(props.value ?? []).includes(v));
        const hit = added ? hits?.find((h) => h.id === added) : undefined;
        props.onChange?.(next);
        if (hit) props.onPicked?.(hit);
      }}
    />
  );
};

/** Projects, by name, code or investor (GET /api/projects?q=). */
export const ProjectsPicker = (props: MultiProps) => {
  const [q, setSearch] = useSearchText();
  const hits = useProjectSubjects(q);
  return <SubjectsPicker {...props} hits={hits.data} loading={hits.isFetching} setSearch={setSearch} />;
};

/** Enterprises, by name fragment or pinyin (GET /api/enterprises?q=). */
export const EnterprisesPicker = (props: MultiProps) => {
  const [q, setSearch] = useSearchText();
  const hits = useEnterpriseSubjects(q);
  return <SubjectsPicker {...props} hits={hits.data} loading={hits.isFetching} setSearch={setSearch} />;
};

/** Colleagues who went: officers, team leads, specialists, leaders. */
export const ParticipantsPicker = (props: MultiProps) => {
  const [q, setSearch] = useSearchText();
  const { people, loading } = useParticipants(q);
  const options = useMemo(
    () =>
      withStored(
        people.map((p) => ({ value: p.id, label: `${p.name}（${p.username}）` })),
        props.value,
        props.stored,
      ),
    [people, props.value, props.stored],
  );
  return <MultiSearch {...props} options={options} loading={loading} onSearch={setSearch} />;
};

/** One colleague, for the list's participant filter. */
export const ParticipantFilter = (props: {
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  placeholder: string;
  style?: CSSProperties;
}) => <PersonFilter roles={participantRoles} {...props} />;

interface OneProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** the stored choice's name, for a park or team the user's lists do not show */
  storedName?: string | null;
  placeholder?: string;
  id?: string;
  disabled?: boolean;
  style?: CSSProperties;
  regionId?: string | null;
}

const OneOf = ({
  items,
  loading,
  onSearch,
  value,
  onChange,
  storedName,
  ...rest
}: OneProps & { items: Named[] | undefined; loading: boolean; onSearch: (q: string) => void }) => {
  const options = (items ?? []).map((i) => ({ value: i.id, label: i.name }));
  if (value && storedName && !options.some((o) => o.value === value))
    options.unshift({ value, label: storedName });
  return (
    <Select<string>
      {...rest}
      aria-label={rest.id ? undefined : rest.placeholder}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      onClear={() => onSearch("")}
      allowClear
      showSearch={{ filterOption: false, onSearch }}
      options={options}
      loading={loading}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      popupMatchSelectWidth={false}
    />
  );
};

/** A park of the user's scope (and of the chosen region). */
export const ParkSelect = ({ regionId, ...props }: OneProps) => {
  const [q, setSearch] = useSearchText();
  const parks = useParkOptions(q, regionId);
  return <OneOf {...props} items={parks.data} loading={parks.isFetching} onSearch={setSearch} />;
};

/** A team of the user's home region or scope. */
export const TeamSelect = ({ regionId: _r, ...props }: OneProps) => {
  const [q, setSearch] = useSearchText();
  const teams = useProjectTeams(q);
  return <OneOf {...props} items={teams.data} loading={teams.isFetching} onSearch={setSearch} />;
};
