import dayjs, { type Dayjs } from "dayjs";
import {
  type ActivityKind,
  type ActivityRow,
  type EventType,
  type FollowUpMode,
  type LinkRole,
  leadKinds,
  multiDayKinds,
} from "../../../../common/activity.schema";
import type { ActivityCreateBody } from "../api/activities.api";

/** What a panel hands a new activity: the record it sits on, and where that record is filed. */
export interface ActivityPrefill {
  kind?: ActivityKind;
  links?: { subjectType: "project" | "enterprise"; subjectId: string; label: string }[];
  regionId?: string | null;
  parkId?: string | null;
  parkName?: string | null;
  teamId?: string | null;
  teamName?: string | null;
}

export interface Person {
  name: string;
  title: string;
  organisation: string;
}

export interface Values {
  kind: ActivityKind;
  mode: FollowUpMode | null;
  eventType: EventType | null;
  title: string;
  heldOn: Dayjs | null;
  endOn: Dayjs | null;
  city: string;
  place: string;
  regionId: string | null;
  parkId: string | null;
  teamId: string | null;
  ourUserIds: string[];
  ourNames: string[];
  theirPeople: Person[];
  projectIds: string[];
  enterpriseIds: string[];
  leadIds: string[];
  summary: string;
  outcome: string;
  fileIds: string[];
}

const idsOf = (r: ActivityRow | null, type: string, role: LinkRole) =>
  (r?.links ?? []).filter((l) => l.subjectType === type && l.role === role).map((l) => l.subjectId);

export const toValues = (r: ActivityRow | null, p: ActivityPrefill, me: { id: string }): Values => ({
  kind: r?.kind ?? p.kind ?? "follow_up",
  mode: r?.mode ?? null,
  eventType: r?.eventType ?? null,
  title: r?.title ?? "",
  heldOn: r ? dayjs(r.heldOn) : dayjs(),
  endOn: r?.endOn ? dayjs(r.endOn) : null,
  city: r?.city ?? "",
  place: r?.place ?? "",
  regionId: r ? r.regionId : (p.regionId ?? null),
  parkId: r ? r.parkId : (p.parkId ?? null),
  teamId: r ? r.teamId : (p.teamId ?? null),
  ourUserIds: r ? r.ourUserIds : [me.id],
  ourNames: r?.ourNames ?? [],
  theirPeople: (r?.theirPeople ?? []).map((x) => ({
    name: x.name,
    title: x.title ?? "",
    organisation: x.organisation ?? "",
  })),
  projectIds: r
    ? idsOf(r, "project", "about")
    : (p.links ?? []).filter((l) => l.subjectType === "project").map((l) => l.subjectId),
  enterpriseIds: r
    ? idsOf(r, "enterprise", "about")
    : (p.links ?? []).filter((l) => l.subjectType === "enterprise").map((l) => l.subjectId),
  leadIds: idsOf(r, "project", "lead"),
  summary: r?.summary ?? "",
  outcome: r?.outcome ?? "",
  fileIds: r?.fileIds ?? [],
});

const text = (s: string) => s.trim() || null;

/** The request body; links kept from before that this form does not show (prospects) go back as they were. */
export const toBody = (v: Values, record: ActivityRow | null): ActivityCreateBody => {
  const kind = v.kind;
  const leads = leadKinds.includes(kind) ? v.leadIds : [];
  const others = (record?.links ?? []).filter((l) => l.subjectType === "prospect");
  return {
    kind,
    mode: kind === "follow_up" ? v.mode : null,
    eventType: kind === "event" ? v.eventType : null,
    title: v.title.trim(),
    heldOn: (v.heldOn ?? dayjs()).format("YYYY-MM-DD"),
    endOn: multiDayKinds.includes(kind) && v.endOn ? v.endOn.format("YYYY-MM-DD") : null,
    city: text(v.city),
    place: text(v.place),
    regionId: v.regionId ?? "",
    parkId: v.parkId ?? null,
    teamId: v.teamId ?? null,
    ourUserIds: v.ourUserIds,
    ourNames: v.ourNames.map((n) => n.trim()).filter(Boolean),
    theirPeople: v.theirPeople
      .filter((x) => x?.name?.trim())
      .map((x) => ({
        name: x.name.trim(),
        title: text(x.title ?? ""),
        organisation: text(x.organisation ?? ""),
      })),
    summary: text(v.summary),
    outcome: text(v.outcome),
    fileIds: v.fileIds,
    links: [
      ...leads.map((id) => ({ subjectType: "project" as const, subjectId: id, role: "lead" as const })),
      ...v.projectIds
        .filter((id) => !leads.includes(id))
        .map((id) => ({ subjectType: "project" as const, subjectId: id, role: "about" as const })),
      ...v.enterpriseIds.map((id) => ({
        subjectType: "enterprise" as const,
        subjectId: id,
        role: "about" as const,
      })),
      ...others.map((l) => ({ subjectType: l.subjectType, subjectId: l.subjectId, role: l.role })),
    ],
  };
};
