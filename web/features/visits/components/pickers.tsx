import type { CSSProperties } from "react";
import type { Role } from "../../../../common/enums";
import { PersonFilter } from "../../../components/pickers";

/** The staff who visit firms: service specialists first, then officers and team leads. */
const visitorRoles: Role[] = ["service_specialist", "officer", "team_lead"];

/** One visitor (service specialist, officer or team lead), for the list's 走访人 filter. */
export const VisitorFilter = (props: {
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  placeholder: string;
  storedName?: string | null;
  style?: CSSProperties;
}) => <PersonFilter roles={visitorRoles} {...props} />;
