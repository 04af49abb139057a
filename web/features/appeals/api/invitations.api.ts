import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  EnterpriseAccount,
  EnterpriseAccountCreate,
  InvitationAccept,
  InvitationCreate,
  InvitationCreated,
  InvitationRow,
  InvitationView,
} from "../../../../common/invitation.schema";
import { apiGet, apiPost } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";
import { invitationKeys, invitationsKey } from "./keys";

/** GET /api/enterprises/:id/invitations */
export const useInvitations = (enterpriseId: string) =>
  useQuery({
    queryKey: invitationKeys.ofFirm(enterpriseId),
    queryFn: ({ signal }) =>
      apiGet<{ items: InvitationRow[] }>(`/enterprises/${enterpriseId}/invitations`, undefined, signal).then(
        (r) => r.items,
      ),
  });

const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: invitationsKey });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

/** POST /api/enterprises/:id/invitations → 201, with the token shown this once. */
export const useCreateInvitation = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ enterpriseId, body }: { enterpriseId: string; body: Partial<InvitationCreate> }) =>
      apiPost<InvitationCreated>(`/enterprises/${enterpriseId}/invitations`, body),
    onSuccess: done,
  });
};

/** POST /api/invitations/:id/revoke */
export const useRevokeInvitation = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => apiPost<InvitationRow>(`/invitations/${id}/revoke`),
    onSuccess: done,
  });
};

/** GET /api/invitations/token/:token — public: 404 unknown, 410 used or expired. */
export const useInvitationByToken = (token: string) =>
  useQuery({
    queryKey: invitationKeys.token(token),
    queryFn: ({ signal }) =>
      apiGet<InvitationView>(`/invitations/token/${encodeURIComponent(token)}`, undefined, signal),
    enabled: Boolean(token),
    retry: false,
    refetchOnWindowFocus: false,
  });

/** POST /api/invitations/token/:token/accept → 201 {username}; public. */
export const useAcceptInvitation = (token: string) =>
  useMutation({
    mutationFn: (body: InvitationAccept) =>
      apiPost<{ username: string }>(`/invitations/token/${encodeURIComponent(token)}/accept`, body, {
        skipAuthRedirect: true,
      }),
  });

/** GET /api/enterprises/:id/accounts: the firm's enterprise accounts. */
export const useFirmAccounts = (enterpriseId: string) =>
  useQuery({
    queryKey: invitationKeys.accounts(enterpriseId),
    queryFn: ({ signal }) =>
      apiGet<{ items: EnterpriseAccount[] }>(`/enterprises/${enterpriseId}/accounts`, undefined, signal).then(
        (r) => r.items,
      ),
  });

/** POST /api/enterprises/:id/accounts → 201 with the one-time password. */
export const useCreateFirmAccount = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ enterpriseId, body }: { enterpriseId: string; body: EnterpriseAccountCreate }) =>
      apiPost<{ username: string; password: string }>(`/enterprises/${enterpriseId}/accounts`, body),
    onSuccess: done,
  });
};
