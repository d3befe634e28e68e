/** The review screen's keys (Anki's), as a table: which key does what, and when. */
import type { Rating } from "@/lib/scheduler/ratings";

export interface KeyContext {
  hasCard: boolean;
  revealed: boolean;
  /** Options of the card on screen (0 for a cloze card). */
  optionCount: number;
}

export type KeyAction =
  | { type: "undo" }
  | { type: "reveal"; option: number | null }
  | { type: "grade"; rating: Rating | "suggested" }
  | { type: "edit" };

type Binding = { keys: (key: string) => number | null; when: (context: KeyContext, index: number) => boolean; action: (index: number) => KeyAction };

const exactly = (...keys: string[]) => (key: string) => (keys.includes(key) ? 0 : null);
const digit = (key: string) => (/^[1-9]$/.test(key) ? Number(key) : null);

const BINDINGS: Binding[] = [
  { keys: exactly("z", "Z"), when: () => true, action: () => ({ type: "undo" }) },
  { keys: exactly(" ", "Enter"), when: (c) => c.hasCard && !c.revealed, action: () => ({ type: "reveal", option: null }) },
  { keys: exactly(" ", "Enter"), when: (c) => c.hasCard && c.revealed, action: () => ({ type: "grade", rating: "suggested" }) },
  { keys: digit, when: (c, n) => c.hasCard && !c.revealed && n <= c.optionCount, action: (n) => ({ type: "reveal", option: n - 1 }) },
  { keys: digit, when: (c, n) => c.hasCard && c.revealed && n <= 4, action: (n) => ({ type: "grade", rating: n as Rating }) },
  { keys: exactly("e"), when: (c) => c.hasCard, action: () => ({ type: "edit" }) },
];

/** What a key press does on the review screen, or null when it does nothing there. */
export function reviewKeyAction(key: string, context: KeyContext): KeyAction | null {
  for (const binding of BINDINGS) {
    const index = binding.keys(key);
    if (index !== null && binding.when(context, index)) return binding.action(index);
  }
  return null;
}
