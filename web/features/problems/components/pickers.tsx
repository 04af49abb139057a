import type { ProblemRow } from "../../../../common/problem.schema";
import { RemotePicker, type RemotePickerProps, useSearchText } from "../../../components/pickers";
import { type ProjectOption, useProjectSearch } from "../../../lib/reference.api";
import { type DepartmentOption, useEligibleDepartments, useProblems } from "../api/problems.api";

const projectLabel = (p: ProjectOption) => `${p.name}（${p.code}）`;

/** A project of the user's scope, found by name or code (GET /api/projects?q=). */
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

const departmentLabel = (d: DepartmentOption) => d.name;

/**
 * A department a problem of the region may go to: the region's, those above it (a city bureau
 * acting on a zone's project) and below it. /api/departments lists a park officer none, so this
 * asks the problems API.
 */
export const AssignDepartmentPicker = ({
  regionId,
  onPicked: _p,
  ...props
}: RemotePickerProps<never> & { regionId: string | null | undefined }) => {
  const [q, setSearch] = useSearchText();
  const found = useEligibleDepartments(regionId, q);
  return (
    <RemotePicker
      {...props}
      disabled={props.disabled || !regionId}
      rows={found.data}
      loading={found.isFetching}
      label={departmentLabel}
      onSearch={setSearch}
    />
  );
};

const problemLabel = (p: ProblemRow) => `${p.title} · ${p.subjectName ?? ""}`;

/** A problem of the user's scope, by its wording or its project's name (for a meeting's items). */
export const ProblemPicker = (props: RemotePickerProps<ProblemRow>) => {
  const [q, setSearch] = useSearchText();
  const found = useProblems({ q: q || undefined, pageSize: 30, sort: "updatedAt", order: "desc" });
  return (
    <RemotePicker
      {...props}
      rows={found.data?.items}
      loading={found.isFetching}
      label={problemLabel}
      onSearch={setSearch}
    />
  );
};
