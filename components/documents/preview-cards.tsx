"use client";

import { useMemo } from "react";
import type { CardDraft, DeckDraft } from "@/lib/generator/types";

export interface PreviewGroup {
  path: string | null;
  title: string;
  cards: (CardDraft & { extra: boolean })[];
}

/** Cards by topic (summary and key points first), best first within each; extra candidates after a topic's own cards. */
export function previewGroups(draft: DeckDraft, showExtra: boolean): PreviewGroup[] {
  const titles = new Map(draft.topics.map((topic) => [topic.path, topic.title]));
  const order = [null, ...draft.topics.map((t) => t.path)];
  const byQuality = (a: CardDraft, b: CardDraft) => b.quality - a.quality;
  return order
    .map((path) => ({
      path,
      title: path === null ? "Key points and summary" : `${path}. ${titles.get(path) ?? ""}`,
      cards: [
        ...draft.cards.filter((c) => c.topic === path).sort(byQuality).map((c) => ({ ...c, extra: false })),
        ...(showExtra ? draft.candidates.filter((c) => c.topic === path).sort(byQuality).map((c) => ({ ...c, extra: true })) : []),
      ],
    }))
    .filter((group) => group.cards.length > 0);
}

interface Props {
  draft: DeckDraft;
  kept: Set<string>;
  showExtra: boolean;
  onToggle: (id: string, keep: boolean) => void;
  onShowExtra: () => void;
}

export function PreviewCards({ draft, kept, showExtra, onToggle, onShowExtra }: Props) {
  const groups = useMemo(() => previewGroups(draft, showExtra), [draft, showExtra]);
  return (
    <>
      {groups.map((group) => (
        <div key={group.path ?? "document"} className="card stack" data-testid="preview-group">
          <h3>{group.title}</h3>
          {group.cards.map((card) => (
            <label key={card.id} className="preview-card" data-testid={card.extra ? "preview-extra" : "preview-card"}>
              <input type="checkbox" checked={kept.has(card.id)} onChange={(event) => onToggle(card.id, event.target.checked)} />
              <span className="preview-body">
                <span className="chip">{card.kind === "choice" ? "Choice" : "Cloze"}</span>
                {card.extra && <span className="chip">More</span>} {card.prompt}
                <br />
                <span className="muted small">
                  Answer: <strong>{card.answer}</strong>
                  {card.options ? ` · Options: ${card.options.join(" | ")}` : ""}
                </span>
                <span className="preview-source small" data-testid="preview-source">From the text: “{card.source}”</span>
              </span>
            </label>
          ))}
        </div>
      ))}
      {!showExtra && draft.candidates.length > 0 && (
        <button className="button" type="button" onClick={onShowExtra} data-testid="show-candidates">
          Show {draft.candidates.length} more candidate{draft.candidates.length === 1 ? "" : "s"}
        </button>
      )}
    </>
  );
}
