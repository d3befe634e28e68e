"use client";

import { cardContentProblem, type StudyCardKind } from "@/lib/cards/card-content";

/** The kinds a card is written as by hand; an imported Anki card (basic) can be edited too. */
export type CardKind = StudyCardKind;

/** What a user wrote of a card, as the card routes take it. */
export interface CardWriting {
  prompt: string;
  answer: string;
  options?: string[];
}

const PLACEHOLDER: Record<CardKind, { prompt: string; answer: string; options: string }> = {
  cloze: { prompt: "The heart has [...] chambers.", answer: "four", options: "" },
  choice: { prompt: "Which chamber pumps blood to the body?", answer: "The left ventricle", options: "The left ventricle\nThe right atrium\nThe left atrium" },
  basic: { prompt: "Which chamber pumps blood to the body?", answer: "The left ventricle", options: "" },
};

/** The fields of a form that writes a card, read back; options one per line, blank lines left out. */
export function readCardFields(form: FormData, kind: CardKind): CardWriting {
  const options = String(form.get("options") ?? "").split("\n").map((o) => o.trim()).filter(Boolean);
  return { prompt: String(form.get("prompt") ?? "").trim(), answer: String(form.get("answer") ?? "").trim(), ...(kind === "choice" ? { options } : {}) };
}

/** Why the written card cannot be studied (the server checks the same), or null. */
export function writingProblem(kind: CardKind, card: CardWriting): string | null {
  if (!card.prompt || !card.answer) return "Write both the prompt and the answer.";
  return cardContentProblem({ kind, prompt: card.prompt, answer: card.answer, options: kind === "choice" ? (card.options ?? []) : null });
}

/**
 * A card's prompt, answer and (choice) options, with labels that say how to write them.
 * `id` makes the field ids unique on a page with several forms; `onKind` shows the kind choice.
 */
export function CardFields({ id, kind, onKind, initial }: { id: string; kind: CardKind; onKind?: (kind: CardKind) => void; initial?: CardWriting }) {
  const field = (name: string) => `${id}-${name}`;
  const placeholder = initial ? undefined : PLACEHOLDER[kind];
  return (
    <>
      {onKind && (
        <fieldset className="row kind-choice">
          <legend>Kind</legend>
          <label className="check">
            <input type="radio" name={field("kind")} value="cloze" checked={kind === "cloze"} onChange={() => onKind("cloze")} /> Cloze: fill the gap
          </label>
          <label className="check">
            <input type="radio" name={field("kind")} value="choice" checked={kind === "choice"} onChange={() => onKind("choice")} /> Question with options
          </label>
          <label className="check">
            <input type="radio" name={field("kind")} value="basic" checked={kind === "basic"} onChange={() => onKind("basic")} /> Basic: a question to recall
          </label>
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={field("prompt")}>{kind !== "cloze" ? "Question" : initial ? "Text (keep the gap as [...])" : "Sentence, with [...] where the answer goes"}</label>
        <textarea id={field("prompt")} name="prompt" required maxLength={2000} rows={2} defaultValue={initial?.prompt} placeholder={placeholder?.prompt} autoFocus={Boolean(initial)} />
      </div>
      <div className="field">
        <label htmlFor={field("answer")}>Answer</label>
        <input id={field("answer")} name="answer" required maxLength={500} defaultValue={initial?.answer} placeholder={placeholder?.answer} />
      </div>
      {kind === "choice" && (
        <div className="field">
          <label htmlFor={field("options")}>Options, one per line (the right one among them)</label>
          <textarea id={field("options")} name="options" rows={4} required defaultValue={initial?.options?.join("\n")} placeholder={placeholder?.options} />
        </div>
      )}
    </>
  );
}
