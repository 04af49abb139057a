import { RemotePicker, type RemotePickerProps, useSearchText } from "../../../components/pickers";
import { type AppealDepartmentOption, useAppealDepartments } from "../api/appeals.api";

const departmentLabel = (d: AppealDepartmentOption) =>
  d.regionName && !d.name.startsWith(d.regionName) ? `${d.name}（${d.regionName}）` : d.name;

/**
 * A department an appeal of this firm may go to, as the server lists them (GET
 * /api/appeal-departments): the firm's region's, those above it and below it.
 */
export const RouteDepartmentPicker = ({
  enterpriseId,
  onPicked: _p,
  ...props
}: RemotePickerProps<never> & { enterpriseId: string | null | undefined }) => {
  const [q, setSearch] = useSearchText();
  const found = useAppealDepartments(enterpriseId, q);
  return (
    <RemotePicker
      {...props}
      disabled={props.disabled || !enterpriseId}
      rows={found.data}
      loading={found.isFetching}
      label={departmentLabel}
      onSearch={setSearch}
    />
  );
};
