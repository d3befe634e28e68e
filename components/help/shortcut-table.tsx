import { SHORTCUTS } from "./shortcuts";

/** The keyboard shortcuts as a list per page. */
export function ShortcutTable() {
  return (
    <div className="shortcut-groups">
      {SHORTCUTS.map((group) => (
        <section key={group.where}>
          <h3>{group.where}</h3>
          <dl className="shortcut-list">
            {group.keys.map((entry) => (
              <div key={entry.does}>
                <dt>
                  {entry.keys.map((key, i) => (key === "…" ? <span key={i}>–</span> : <kbd key={i}>{key}</kbd>))}
                </dt>
                <dd>{entry.does}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
