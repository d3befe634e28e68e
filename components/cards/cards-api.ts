import type { CardAction, NewCardInput } from "@/lib/validation/cards";
import { callApi } from "../ui/call-api";
import type { CardEditBody } from "../review/review-api";

export { RequestFailed } from "../ui/call-api";

export const cardsApi = {
  act: (action: CardAction) => callApi<{ changed: number }>("/api/cards/actions", { method: "POST", body: JSON.stringify(action) }, 1),
  edit: (cardId: string, edit: CardEditBody) => callApi<unknown>(`/api/cards/${encodeURIComponent(cardId)}`, { method: "PATCH", body: JSON.stringify(edit) }, 1),
  add: (card: Omit<NewCardInput, "topicId"> & { topicId: string | null }) => callApi<{ card: { id: string } }>("/api/cards", { method: "POST", body: JSON.stringify(card) }, 1),
};
