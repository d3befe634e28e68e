import type { SessionCardView } from "@/lib/db/review/study-session";

const GAP = "[...]";

/** The prompt, with the cloze gap filled in place once revealed. */
export function ClozeText({ prompt, answer, revealed }: { prompt: string; answer: string; revealed: boolean }) {
  const at = prompt.indexOf(GAP);
  if (at < 0) return <>{prompt}</>;
  return (
    <>
      {prompt.slice(0, at)}
      {revealed ? (
        <mark className="cloze-answer" data-testid="cloze-answer">{answer}</mark>
      ) : (
        <span className="cloze-gap" aria-label="blank">
          [&hellip;]
        </span>
      )}
      {prompt.slice(at + GAP.length)}
    </>
  );
}

export function ChoiceOptions({
  card,
  picked,
  revealed,
  onPick,
}: {
  card: SessionCardView;
  picked: number | null;
  revealed: boolean;
  onPick: (index: number) => void;
}) {
  return (
    <ol className="choice-list">
      {(card.options ?? []).map((option, index) => {
        const correct = option === card.answer;
        const state = !revealed ? "" : correct ? "right" : picked === index ? "wrong" : "";
        return (
          <li key={option}>
            <button
              type="button"
              className={`choice ${state}`}
              disabled={revealed}
              aria-pressed={picked === index}
              onClick={() => onPick(index)}
              data-testid="choice-option"
            >
              <kbd>{index + 1}</kbd> <span>{option}</span>
              {state === "right" && <span className="choice-mark" data-testid="option-mark">✓ Right answer</span>}
              {state === "wrong" && <span className="choice-mark" data-testid="option-mark">✗ Your pick</span>}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
