"use client";

import { useMemo, useState } from "react";
import type { CardDraft, DeckDraft } from "@/lib/generator/types";
import type { CardWriting } from "../cards/card-fields";
import { CardEditor } from "../review/card-editor";

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
  /** The user's wording of cards they changed, by id. */
  edits: ReadonlyMap<string, CardWriting>;
  onToggle: (id: string, keep: boolean) => void;
  onShowExtra: () => void;
  /** A card's new wording, or null to go back to the generated one. */
  onEdit: (id: string, writing: CardWriting | null) => void;
}

/** One card of the preview: tick it to keep it, change its wording, see where it came from. */
function PreviewCard({ card, kept, edit, onToggle, onEdit }: { card: PreviewGroup["cards"][number]; kept: boolean; edit?: CardWriting; onToggle: Props["onToggle"]; onEdit: Props["onEdit"] }) {
  const [editing, setEditing] = useState(false);
  const shown = { ...card, ...edit, options: edit?.options ?? card.options ?? null };
  const box = `keep-${card.id}`;
  return (
    <div className="preview-card" data-testid={card.extra ? "preview-extra" : "preview-card"} data-card-id={card.id}>
      <input id={box} type="checkbox" checked={kept} onChange={(event) => onToggle(card.id, event.target.checked)} />
      <div className="preview-body">
        <label htmlFor={box} className="preview-text">
          <span className="chip">{card.kind === "choice" ? "Choice" : "Cloze"}</span>
          {card.extra && <span className="chip">More</span>}
          {edit && <span className="chip" data-testid="edited-chip">Edited</span>} <span data-testid="preview-prompt">{shown.prompt}</span>
          <br />
          <span className="muted small">
            Answer: <strong>{shown.answer}</strong>
            {shown.options ? ` · Options: ${shown.options.join(" | ")}` : ""}
          </span>
        </label>
        <span className="preview-source small" data-testid="preview-source">From the text: “{card.source}”</span>
        <div className="row small preview-tools">
          <button className="button quiet" type="button" onClick={() => setEditing(!editing)} aria-expanded={editing}>
            Edit
          </button>
          {edit && (
            <button className="button quiet" type="button" onClick={() => onEdit(card.id, null)}>
              Use the generated wording
            </button>
          )}
        </div>
        {editing && (
          <CardEditor
            card={shown}
            onClose={() => setEditing(false)}
            save={async (writing) => {
              onEdit(card.id, writing as CardWriting);
              if (!kept) onToggle(card.id, true);
            }}
          />
        )}
      </div>
    </div>
  );
}

export function PreviewCards({ draft, kept, showExtra, edits, onToggle, onShowExtra, onEdit }: Props) {
  const groups = useMemo(() => previewGroups(draft, showExtra), [draft, showExtra]);
  return (
    <>
      {groups.map((group) => (
        <div key={group.path ?? "document"} className="card stack" data-testid="preview-group">
          <h3>{group.title}</h3>
          {group.cards.map((card) => (
            <PreviewCard key={card.id} card={card} kept={kept.has(card.id)} edit={edits.get(card.id)} onToggle={onToggle} onEdit={onEdit} />
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
