import { RemotePicker, type RemotePickerProps, useSearchText } from "../../../components/pickers";
import { type ProjectOption, useProjectSearch } from "../../../lib/reference.api";

const projectLabel = (p: ProjectOption) => `${p.name}（${p.code}）`;

/** A project of the user's scope, by name, code or investor (GET /api/projects?q=). */
export const ProjectPicker = (props: RemotePickerProps<ProjectOption>) => {
  const [q, setSearch] = useSearchText();
  const found = useProjectSearch(q);
  return (
    <RemotePicker
      {...props}
      rows={found.data}
      loading={found.isFetching}
      label={projectLabel}
      onSearch={setSearch}
    />
  );
};
