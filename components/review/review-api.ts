import type { Rating } from "@/lib/scheduler/ratings";
import type { GradeResult } from "@/lib/db/review/grade";
import type { StudySessionView } from "@/lib/db/review/session-view";
import type { EditedCard } from "@/lib/db/review/card-edits";
import type { StudyMode } from "@/lib/validation/review";
import { callApi } from "../ui/call-api";

export { RequestFailed, callApi } from "../ui/call-api";

export type SessionPayload = StudySessionView;
/** `session` comes back only when the grade request asked for it (`session: true`, the default). */
export type GradePayload = { result: Omit<GradeResult, "due"> & { due: string }; session?: SessionPayload };
export type UndoPayload = { undo: { cardId: string | null; undone: boolean }; session: SessionPayload };
export type CardEditBody = { prompt?: string | null; answer?: string | null; options?: string[] | null; suspended?: boolean };

/** Where a session continues: its deck and custom study mode, as the routes take them. */
export type SessionScope = { deck?: string; study?: StudyMode };

/** The session's query string: `?deck=…&ahead=7` or `?topic=…&reschedule=1`. */
export function sessionQuery({ deck, study }: SessionScope): string {
  const params = new URLSearchParams();
  if (deck) params.set("deck", deck);
  if (study?.kind === "ahead") params.set("ahead", String(study.days));
  if (study?.kind === "topic") {
    params.set("topic", study.topicId);
    params.set("reschedule", study.reschedule ? "1" : "0");
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

const scopeBody = ({ deck, study }: SessionScope) => ({ ...(deck ? { deck } : {}), ...(study ? { study } : {}) });

export const reviewApi = {
  session: (scope: SessionScope) => callApi<SessionPayload>(`/api/review/session${sessionQuery(scope)}`),
  grade: (body: { cardId: string; rating: Rating; clientRequestId: string; durationMs: number; session?: boolean }, scope: SessionScope) =>
    callApi<GradePayload>("/api/review/grade", { method: "POST", body: JSON.stringify({ ...body, ...scopeBody(scope) }) }),
  undo: (reviewLogId: string, scope: SessionScope) =>
    callApi<UndoPayload>("/api/review/undo", { method: "POST", body: JSON.stringify({ reviewLogId, ...scopeBody(scope) }) }),
  editCard: (cardId: string, edit: CardEditBody) =>
    callApi<{ card: EditedCard }>(`/api/cards/${encodeURIComponent(cardId)}`, { method: "PATCH", body: JSON.stringify(edit) }),
  extraNew: (count: number) => callApi<{ extraNewCards: number }>("/api/review/extra-new", { method: "POST", body: JSON.stringify({ count }) }),
};

export function newRequestId(): string {
  return crypto.randomUUID().replace(/-/g, "");
}
