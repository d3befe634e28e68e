import type { QuizAnswerResult, QuizView } from "@/lib/quiz";
import type { ReviewMissedResult } from "@/lib/db/quiz/review-missed";
import { callApi } from "../review/review-api";

export { RequestFailed, newRequestId } from "../review/review-api";

const base = (attemptId: string) => `/api/quiz/${encodeURIComponent(attemptId)}`;

export const quizApi = {
  start: (body: { documentId: string; topicId: string | null; count: number }) =>
    callApi<{ quiz: QuizView; resumed: boolean }>("/api/quiz", { method: "POST", body: JSON.stringify(body) }),
  discard: (attemptId: string) => callApi<{ quiz: { id: string; status: string } }>(base(attemptId), { method: "DELETE" }),
  answer: (attemptId: string, body: { questionIndex: number; answer: string; clientRequestId: string; durationMs: number }) =>
    callApi<{ result: QuizAnswerResult }>(`${base(attemptId)}/answer`, { method: "POST", body: JSON.stringify(body) }),
  override: (attemptId: string, questionIndex: number) =>
    callApi<{ result: QuizAnswerResult }>(`${base(attemptId)}/override`, { method: "POST", body: JSON.stringify({ questionIndex }) }),
  finish: (attemptId: string) => callApi<{ quiz: QuizView }>(`${base(attemptId)}/finish`, { method: "POST" }),
  reviewMissed: (attemptId: string) => callApi<ReviewMissedResult>(`${base(attemptId)}/review-missed`, { method: "POST" }),
};
