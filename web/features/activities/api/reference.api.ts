import { useQuery } from "@tanstack/react-query";
import type { Role } from "../../../../common/enums";
import { apiGet } from "../../../lib/api";
import {
  type FirmOption,
  type ProjectOption,
  useFirmSearch,
  usePeopleOfRoles,
  useProjectSearch,
} from "../../../lib/reference.api";

export interface SubjectOption {
  id: string;
  name: string;
  /** what tells two of the same name apart: the investor of a project, the park of a firm */
  hint: string | null;
  regionId: string;
  parkId: string | null;
  parkName: string | null;
  teamId: string | null;
  teamName: string | null;
}

const projectSubjects = (rows: ProjectOption[]) =>
  rows.map(
    (p): SubjectOption => ({
      id: p.id,
      name: p.name,
      hint: `${p.code} · ${p.investorName}`,
      regionId: p.regionId,
      parkId: p.parkId,
      parkName: p.parkName,
      teamId: p.teamId,
      teamName: p.teamName,
    }),
  );

const firmSubjects = (rows: FirmOption[]) =>
  rows.map(
    (e): SubjectOption => ({
      id: e.id,
      name: e.name,
      hint: e.parkName,
      regionId: e.regionId,
      parkId: e.parkId,
      parkName: e.parkName,
      teamId: null,
      teamName: null,
    }),
  );

/** GET /api/projects?q= — projects to link, by name, code or investor. */
export const useProjectSubjects = (q: string) => useProjectSearch(q, projectSubjects);

/** GET /api/enterprises?q= — firms to link, by name fragment or pinyin. */
export const useEnterpriseSubjects = (q: string) => useFirmSearch(q, firmSubjects);

/** The staff who go on activities: officers, team leads, service specialists and leaders. */
export const participantRoles: Role[] = ["officer", "team_lead", "service_specialist", "leader"];

/** GET /api/people?role=&q= for each participant role, merged. */
export const useParticipants = (q: string) => usePeopleOfRoles(participantRoles, q);

export interface Named {
  id: string;
  name: string;
}

/** GET /api/parks — the parks in the user's scope, optionally of one region. */
export const useParkOptions = (q: string, regionId: string | null | undefined) =>
  useQuery({
    queryKey: ["parks", "list", { q, regionId, pageSize: 50, for: "activities" }],
    queryFn: ({ signal }) =>
      apiGet<{ items: Named[] }>(
        "/parks",
        { q: q || undefined, regionId: regionId ?? undefined, pageSize: 50 },
        signal,
      ).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
