/** What an import did, and the sentences that tell the user. */
export interface ImportSummary {
  documents: { id: string; title: string; cards: number; merged: boolean }[];
  cards: number;
  reviews: number;
  /** Notes of this package imported before: left as they are. */
  alreadyImported: number;
  /** Images and sounds the fields referred to, dropped. */
  media: number;
  /** Scripts and event handlers removed from fields. */
  scripts: number;
  /** Anki cards that make no Keypoint card: empty fields, a note type's extra templates. */
  skippedCards: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

export function describeImport(summary: ImportSummary): string[] {
  const lines: string[] = [];
  if (summary.cards === 0) {
    lines.push(summary.alreadyImported > 0 ? "Nothing new: every card of this package was imported before." : "This package holds no cards Keypoint can use.");
  } else {
    lines.push(`Imported ${plural(summary.cards, "card")} and ${plural(summary.reviews, "review")} into ${plural(summary.documents.length, "deck")}.`);
  }
  if (summary.cards > 0 && summary.alreadyImported > 0) lines.push(`${plural(summary.alreadyImported, "card")} imported before ${summary.alreadyImported === 1 ? "was" : "were"} left as they are.`);
  if (summary.media > 0) lines.push(`${plural(summary.media, "image or sound", "images and sounds")} could not come along (Keypoint cards hold text).`);
  if (summary.scripts > 0) lines.push(`${plural(summary.scripts, "script or event handler", "scripts and event handlers")} removed from the fields.`);
  if (summary.skippedCards > 0) lines.push(`${plural(summary.skippedCards, "Anki card")} left out: empty fields or a note type's extra card (such as a reversed card).`);
  return lines;
}
