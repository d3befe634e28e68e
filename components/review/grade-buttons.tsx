import type { Ref } from "react";
import { RATINGS, RatingName, type Rating } from "@/lib/scheduler/ratings";
import { spokenInterval } from "./review-announcements";

export function GradeButtons({
  labels,
  suggested,
  busy,
  onGrade,
  showIntervals = true,
  suggestedRef,
}: {
  /** Each answer's interval (answer-labels.ts). */
  labels: Record<Rating, string>;
  suggested: Rating;
  busy: boolean;
  onGrade: (rating: Rating) => void;
  /** Practice moves no schedule: the buttons say how it went, not when the card comes back. */
  showIntervals?: boolean;
  /** The suggested button, which takes the focus once the answer shows. */
  suggestedRef?: Ref<HTMLButtonElement>;
}) {
  return (
    <div className="grade-buttons" role="group" aria-label="How well did you remember?">
      {RATINGS.map((rating) => (
        <button
          key={rating}
          ref={rating === suggested ? suggestedRef : undefined}
          type="button"
          aria-describedby={showIntervals ? `grade-when-${rating}` : undefined}
          aria-keyshortcuts={String(rating)}
          className={`grade grade-${rating}${rating === suggested ? " suggested" : ""}`}
          onClick={() => onGrade(rating)}
          disabled={busy}
          data-testid={`grade-${rating}`}
        >
          <span className="grade-name">
            <kbd>{rating}</kbd> {RatingName[rating]}
          </span>
          {showIntervals && (
            <span className="grade-interval" data-testid={`interval-${rating}`}>
              {labels[rating]}
            </span>
          )}
          {/* The name stays the visible text (1 Again 10m); the description says it in words. */}
          {showIntervals && (
            <span id={`grade-when-${rating}`} hidden>
              Next review in {spokenInterval(labels[rating])}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
