import { useQuery } from "@tanstack/react-query";
import { Skeleton } from "antd";
import { apiGet } from "../../../lib/api";
import { usePermission } from "../../../lib/current-user";
import type { EnterprisePanelProps, ProjectPanelProps } from "../../../lib/extensions";
import { ActivityTimeline } from "./ActivityTimeline";

interface Filed {
  parkId: string | null;
  parkName: string | null;
  teamId?: string | null;
  teamName?: string | null;
}

// The same keys and answers as the project and enterprise pages' own queries: no second fetch.
const useFiled = (kind: "projects" | "enterprises", id: string) =>
  useQuery({
    queryKey: [kind, "one", id],
    queryFn: ({ signal }) => apiGet<Filed>(`/${kind}/${id}`, undefined, signal),
  });

/** 招商活动 on the project page: its timeline, and follow-ups logged against it. */
export const ProjectActivitiesPanel = ({ projectId, projectName, regionId, writable }: ProjectPanelProps) => {
  const filed = useFiled("projects", projectId);
  if (filed.isLoading) return <Skeleton active />;
  return (
    <ActivityTimeline
      subjectType="project"
      subjectId={projectId}
      writable={writable}
      prefill={{
        links: [{ subjectType: "project", subjectId: projectId, label: projectName }],
        regionId,
        parkId: filed.data?.parkId ?? null,
        parkName: filed.data?.parkName ?? null,
        teamId: filed.data?.teamId ?? null,
        teamName: filed.data?.teamName ?? null,
      }}
    />
  );
};

/** 招商活动 on the enterprise page: visits, receptions and meetings with the firm. */
export const EnterpriseActivitiesPanel = ({
  enterpriseId,
  enterpriseName,
  regionId,
}: EnterprisePanelProps) => {
  const writable = usePermission("enterprise.write");
  const filed = useFiled("enterprises", enterpriseId);
  if (filed.isLoading) return <Skeleton active />;
  return (
    <ActivityTimeline
      subjectType="enterprise"
      subjectId={enterpriseId}
      writable={writable}
      prefill={{
        links: [{ subjectType: "enterprise", subjectId: enterpriseId, label: enterpriseName }],
        regionId,
        parkId: filed.data?.parkId ?? null,
        parkName: filed.data?.parkName ?? null,
      }}
    />
  );
};
