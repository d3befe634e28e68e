import type { Rating } from "@/lib/scheduler/ratings";
import type { GradeResult } from "@/lib/db/review/grade";
import type { StudySessionView } from "@/lib/db/review/study-session";
import type { CardView } from "@/lib/db/review/card-view";
import { callApi } from "../ui/call-api";

export { RequestFailed, callApi } from "../ui/call-api";

export type SessionPayload = StudySessionView;
/** `session` comes back only when the grade request asked for it (`session: true`, the default). */
export type GradePayload = { result: Omit<GradeResult, "due"> & { due: string }; session?: SessionPayload };
export type UndoPayload = { undo: { cardId: string | null; undone: boolean }; session: SessionPayload };

const deckParam = (deck?: string) => (deck ? { deck } : {});

export const reviewApi = {
  session: (deck?: string) => callApi<SessionPayload>(`/api/review/session${deck ? `?deck=${encodeURIComponent(deck)}` : ""}`),
  grade: (body: { cardId: string; rating: Rating; clientRequestId: string; durationMs: number; session?: boolean }, deck?: string) =>
    callApi<GradePayload>("/api/review/grade", { method: "POST", body: JSON.stringify({ ...body, ...deckParam(deck) }) }),
  undo: (reviewLogId: string, deck?: string) =>
    callApi<UndoPayload>("/api/review/undo", { method: "POST", body: JSON.stringify({ reviewLogId, ...deckParam(deck) }) }),
  editCard: (cardId: string, edit: { prompt?: string; answer?: string; options?: string[]; suspended?: boolean }) =>
    callApi<{ card: CardView & { suspended: boolean } }>(`/api/cards/${encodeURIComponent(cardId)}`, { method: "PATCH", body: JSON.stringify(edit) }),
};

export function newRequestId(): string {
  return crypto.randomUUID().replace(/-/g, "");
}
