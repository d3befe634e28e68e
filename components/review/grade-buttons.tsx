import { RATINGS, RatingName, type Rating } from "@/lib/scheduler/ratings";

export function GradeButtons({
  labels,
  suggested,
  busy,
  onGrade,
}: {
  /** Each answer's interval (answer-labels.ts). */
  labels: Record<Rating, string>;
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
            {labels[rating]}
          </span>
        </button>
      ))}
    </div>
  );
}
