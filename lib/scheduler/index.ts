/** Keypoint's scheduler: pure functions over ts-fsrs; `now` is always passed in. */
export { SchedulerError, type SchedulerErrorCode } from "./errors";
export {
  CardState,
  newCardMemory,
  parseCardMemory,
  isCardStateValue,
  type CardMemory,
  type CardMemoryRow,
  type CardStateValue,
} from "./memory";
export {
  defaultSettings,
  settingsFromUser,
  assertValidSettings,
  schedulerFor,
  type SchedulerSettings,
  type UserSchedulingColumns,
  type StudyUser,
} from "./settings";
export {
  gradeCard,
  unchangedLog,
  memoryBeforeLog,
  isRating,
  RATINGS,
  RatingName,
  type Rating,
  type GradeCardInput,
  type GradeCardResult,
  type ReviewLogFields,
  type StoredPrevColumns,
} from "./grade-card";
export { previewIntervals, formatInterval, intervalLabel, type IntervalPreview } from "./preview-intervals";
export { retrievabilityAt, curveFor } from "./retrievability";
export {
  DEFAULT_DAY_START_HOUR,
  studyDayStart,
  studyDayEnd,
  studyDayNumber,
  studyDayKey,
  studyDaysBetween,
  utcOffsetMs,
  assertTimeZone,
} from "./study-day";
export {
  buildStudySession,
  dueReviewsByRecall,
  DEFAULT_LEARN_AHEAD_MINUTES,
  type Candidate,
  type DeckLimits,
  type DoneToday,
  type SessionCard,
  type StudySessionInput,
  type StudySession,
  type QueueEntry,
  type QueueKind,
} from "./build-session";
export { separateSiblings } from "./sibling-order";
export { deckLimitsToday, extraNewToday, settingsForDay, withExtraNewCards, type DeckOptionLimits, type ExtraNewCards } from "./daily-limits";
export { replayMemory, recomputedMemory, type PastAnswer } from "./replay-memory";
export { parseSteps, formatSteps, stepFromSeconds } from "./steps";
export { DEFAULT_PARAMETERS, PARAMETER_COUNT, formatParameters, parseParameters, sameParameters, validParameters } from "./fsrs-params";
