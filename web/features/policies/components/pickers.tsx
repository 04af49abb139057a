import type { ClauseRow } from "../../../../common/policy.schema";
import { RemotePicker, type RemotePickerProps, useSearchText } from "../../../components/pickers";
import { useClauses } from "../api/clauses.api";

const clauseLabel = (c: ClauseRow) => (c.clauseNo ? `${c.name}（${c.clauseNo}）` : c.name);

/** A clause by its name, policy or document number (GET /api/policy-clauses?q=). */
export const ClausePicker = ({
  activeOnly,
  ...props
}: RemotePickerProps<ClauseRow> & { activeOnly?: boolean }) => {
  const [q, setSearch] = useSearchText();
  const found = useClauses({ q: q || undefined, pageSize: 20, active: activeOnly ? "true" : undefined });
  return (
    <RemotePicker
      {...props}
      rows={found.data?.items}
      loading={found.isFetching}
      label={clauseLabel}
      onSearch={setSearch}
    />
  );
};
