import { RemotePicker, type RemotePickerProps, useSearchText } from "../../../components/pickers";
import { type ProjectTeam, useProjectTeams } from "../../../lib/reference.api";

const teamLabel = (t: ProjectTeam) => t.name;

/**
 * The teams a lead may be registered by (GET /api/projects/teams): a park-scoped officer's home
 * region's teams too, which the org team list does not show them.
 */
export const TeamField = (props: RemotePickerProps<ProjectTeam>) => {
  const [q, setSearch] = useSearchText();
  const teams = useProjectTeams(q);
  return (
    <RemotePicker
      {...props}
      rows={teams.data}
      loading={teams.isFetching}
      label={teamLabel}
      onSearch={setSearch}
    />
  );
};
