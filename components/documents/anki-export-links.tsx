/** Download links for an Anki package: cards only, or with the user's schedule and review history. */
export function AnkiExportLinks({ documentId }: { documentId?: string }) {
  const base = `/api/anki/export?${documentId ? `document=${encodeURIComponent(documentId)}&` : ""}history=`;
  return (
    <>
      <a className="button" href={`${base}1`} download data-testid="export-apkg-history">
        Anki package with history (.apkg)
      </a>
      <a className="button quiet" href={`${base}0`} download data-testid="export-apkg">
        Anki package, cards only (.apkg)
      </a>
    </>
  );
}
