import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { ProjectRow } from "../../../../common/project.schema";
import type {
  ReviewRow,
  ReviewSubject,
  reviewConclude,
  reviewCreate,
  scoreSubmit,
} from "../../../../common/review.schema";
import { apiGet, apiPost } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";
import { reviewKeys, reviewsKey } from "./keys";

export type ReviewCreateBody = z.input<typeof reviewCreate>;
export type ScoreBody = z.input<typeof scoreSubmit>;
export type ConcludeBody = z.input<typeof reviewConclude>;

/** GET /api/reviews?subjectType=&subjectId= — a subject's reviews, newest first. */
export const useSubjectReviews = (subjectType: ReviewSubject, subjectId: string) =>
  useQuery({
    queryKey: reviewKeys.ofSubject(subjectType, subjectId),
    queryFn: ({ signal }) =>
      apiGet<{ items: ReviewRow[] }>("/reviews", { subjectType, subjectId }, signal).then((r) => r.items),
  });

/** GET /api/reviews/mine — the panels the signed-in expert sits on, open ones first. */
export const useMyReviews = () =>
  useQuery({
    queryKey: reviewKeys.mine,
    queryFn: ({ signal }) =>
      apiGet<{ items: ReviewRow[] }>("/reviews/mine", undefined, signal).then((r) => r.items),
  });

/** GET /api/reviews/:id */
export const useReview = (id: string | null | undefined) =>
  useQuery({
    queryKey: reviewKeys.one(id),
    queryFn: ({ signal }) => apiGet<ReviewRow>(`/reviews/${id}`, undefined, signal),
    enabled: Boolean(id),
  });

/**
 * GET /api/projects/:id — the project under review, as an expert on its panel may read it.
 * Kept under this feature's keys: features never share another's cache.
 */
export const useReviewedProject = (id: string | null | undefined) =>
  useQuery({
    queryKey: reviewKeys.project(id),
    queryFn: ({ signal }) => apiGet<ProjectRow>(`/projects/${id}`, undefined, signal),
    enabled: Boolean(id),
  });

// Every review write changes the subject's list, the expert's list and the record itself.
const useWrite = <B, R = ReviewRow>(fn: (body: B) => Promise<R>) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (saved) => {
      const row = saved as ReviewRow;
      if (row?.id) qc.setQueryData(reviewKeys.one(row.id), row);
      void qc.invalidateQueries({ queryKey: reviewsKey });
      void qc.invalidateQueries({ queryKey: auditKey });
    },
  });
};

/** POST /api/reviews — draws a panel at random, leaving out experts tied to the investor. */
export const useCreateReview = () =>
  useWrite((body: ReviewCreateBody) => apiPost<ReviewRow>("/reviews", body));

/** POST /api/reviews/:id/scores — as oneself, or (staff) a paper sheet for the panelist `expertId`. */
export const useSubmitScores = (id: string) =>
  useWrite((body: ScoreBody) => apiPost<ReviewRow>(`/reviews/${id}/scores`, body));

/** POST /api/reviews/:id/conclusion (with `version`) — once every panelist has scored. */
export const useConcludeReview = (id: string) =>
  useWrite((body: ConcludeBody) => apiPost<ReviewRow>(`/reviews/${id}/conclusion`, body));
