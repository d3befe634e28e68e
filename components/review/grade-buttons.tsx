import { RATINGS, RatingName, type Rating } from "@/lib/scheduler/ratings";
import type { SessionCardView } from "@/lib/db/review/study-session";

export function GradeButtons({
  card,
  suggested,
  busy,
  onGrade,
}: {
  card: SessionCardView;
  suggested: Rating;
  busy: boolean;
  onGrade: (rating: Rating) => void;
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
          <span className="grade-interval" data-testid={`interval-${rating}`}>
            {card.intervals[rating].label}
          </span>
        </button>
      ))}
    </div>
  );
}
