import type { Rating } from "@/lib/scheduler/ratings";
import type { StudySessionView } from "@/lib/db/study-session";
import type { CardView } from "@/lib/db/card-view";

export type SessionPayload = StudySessionView;
export type GradePayload = { result: { reviewLogId: string; cardId: string; rating: number; interval: string; replayed: boolean }; session: SessionPayload };
export type UndoPayload = { undo: { cardId: string | null; undone: boolean }; session: SessionPayload };

export class RequestFailed extends Error {
  constructor(readonly status: number, message: string, readonly code?: string) {
    super(message);
  }
}

/** JSON request with retries for network failures and busy servers; the same body (and request id) is resent. */
export async function callApi<T>(url: string, init: RequestInit = {}, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(url, { ...init, headers: { "Content-Type": "application/json", ...init.headers } });
    } catch {
      if (attempt >= attempts) throw new RequestFailed(0, "Keypoint could not be reached. Check your connection; your answer will be sent again.");
      await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
      continue;
    }
    if (response.ok) return (await response.json()) as T;
    if ((response.status >= 500 || response.status === 429) && attempt < attempts) {
      await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
      continue;
    }
    const body = await response.json().catch(() => null);
    throw new RequestFailed(response.status, body?.error?.message ?? `Request failed (${response.status}).`, body?.error?.code);
  }
}

const deckParam = (deck?: string) => (deck ? { deck } : {});

export const reviewApi = {
  session: (deck?: string) => callApi<SessionPayload>(`/api/review/session${deck ? `?deck=${encodeURIComponent(deck)}` : ""}`),
  grade: (body: { cardId: string; rating: Rating; clientRequestId: string; durationMs: number }, deck?: string) =>
    callApi<GradePayload>("/api/review/grade", { method: "POST", body: JSON.stringify({ ...body, ...deckParam(deck) }) }),
  undo: (reviewLogId: string, deck?: string) =>
    callApi<UndoPayload>("/api/review/undo", { method: "POST", body: JSON.stringify({ reviewLogId, ...deckParam(deck) }) }),
  editCard: (cardId: string, edit: { prompt?: string; answer?: string; options?: string[]; suspended?: boolean }) =>
    callApi<{ card: CardView & { suspended: boolean } }>(`/api/cards/${encodeURIComponent(cardId)}`, { method: "PATCH", body: JSON.stringify(edit) }),
};

export function newRequestId(): string {
  return crypto.randomUUID().replace(/-/g, "");
}
