/**
 * Learning cards due within this many minutes are shown once nothing else is left (Anki's
 * learn-ahead), so they count as still to come in the session. Kept apart from ts-fsrs so
 * the browser's review queue can import it cheaply.
 */
export const DEFAULT_LEARN_AHEAD_MINUTES = 20;
