import { RemotePicker, type RemotePickerProps, useSearchText } from "../../../components/pickers";
import { type ProjectTeam, useProjectTeams } from "../../../lib/reference.api";

const teamLabel = (x: ProjectTeam) => x.name;

/** A 小分队 of the user's region, the one a project is registered by or credited to. */
export const ProjectTeamPicker = (props: Omit<RemotePickerProps<ProjectTeam>, "onPicked">) => {
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
