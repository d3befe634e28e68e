import type { DeckOptionLimits } from "@/lib/scheduler/daily-limits";
import { callApi } from "../ui/call-api";

export { RequestFailed } from "../ui/call-api";

const path = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`;

export const deckApi = {
  rename: (documentId: string, title: string) => callApi<{ title: string }>(path(documentId), { method: "PATCH", body: JSON.stringify({ title }) }, 1),
  remove: (documentId: string) => callApi<{ title: string }>(path(documentId), { method: "DELETE" }, 1),
  restore: (documentId: string) => callApi<{ title: string }>(`${path(documentId)}/restore`, { method: "POST" }, 1),
  saveOptions: (documentId: string, limits: DeckOptionLimits) =>
    callApi<DeckOptionLimits>(`${path(documentId)}/options`, { method: "PUT", body: JSON.stringify(limits) }, 1),
};
