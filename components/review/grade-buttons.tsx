import { RATINGS, RatingName, type Rating } from "@/lib/scheduler/ratings";
import type { SessionCardView } from "@/lib/db/review/study-session";

export function GradeButtons({
  card,
  suggested,
  busy,
  onGrade,
  showIntervals = true,
}: {
  card: SessionCardView;
  suggested: Rating;
  busy: boolean;
  onGrade: (rating: Rating) => void;
  /** Practice moves no schedule: the buttons say how it went, not when the card comes back. */
  showIntervals?: boolean;
}) {
  return (
    <div className="grade-buttons" role="group" aria-label="How well did you remember?">
      {RATINGS.map((rating) => (
        <button
          key={rating}
          type="button"
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
              {card.intervals[rating].label}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
