/** What the review screen says through its live region, in words a screen reader reads well. */
import { RatingName, type Rating } from "@/lib/scheduler/ratings";

const UNITS: Record<string, [string, string]> = {
  m: ["minute", "minutes"],
  h: ["hour", "hours"],
  d: ["day", "days"],
  mo: ["month", "months"],
  y: ["year", "years"],
};

/** "10m" → "10 minutes", "1d" → "1 day", "1.5mo" → "1.5 months", "<1m" → "less than a minute". */
export function spokenInterval(label: string): string {
  if (label === "<1m") return "less than a minute";
  const match = /^(\d+(?:\.\d+)?)(mo|m|h|d|y)$/.exec(label);
  if (!match) return label;
  const [, amount, unit] = match;
  return `${amount} ${UNITS[unit][amount === "1" ? 0 : 1]}`;
}

/** After a grade: "Again in 1 minute", "Good in 3 days". */
export function gradeAnnouncement(rating: Rating, intervalLabel: string): string {
  return `${RatingName[rating]} in ${spokenInterval(intervalLabel)}`;
}

/** Once the answer shows: "Correct" or "Not quite: the answer is …" for a picked option, "Answer: …" otherwise. */
export function revealAnnouncement(answer: string, right: boolean | null): string {
  if (right === null) return `Answer: ${answer}`;
  return right ? "Correct" : `Not quite: the answer is ${answer}`;
}
