/** The topic quiz's brain: pure functions, no database, no clock. */
export { buildQuiz, MAX_OPTIONS, type BuildQuizOptions } from "./build-quiz";
export { answersMatch, normaliseAnswer } from "./check-answer";
export { checkAnswer } from "./check-question";
export { answerKind, sameKind, type AnswerKind } from "./answer-kind";
export { scoreQuiz, formatQuizDuration, type QuizScore } from "./score";
export { topicMastery, masteryLabel, countsForRecall, RECENT_QUIZZES, type TopicMastery, type MasteryCard } from "./mastery";
export { swapNumber } from "./swap-number";
export * from "./types";
export * from "./stored-quiz";
