"""An independent reader of an Anki package, for tests: Python's zipfile and sqlite3, no Keypoint code.
Prints the collection as JSON: schema version, note types, decks, notes, cards and review log."""
import json, os, sqlite3, sys, tempfile, zipfile

with zipfile.ZipFile(sys.argv[1]) as package:
    names = package.namelist()
    media = json.loads(package.read("media").decode("utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "collection.anki2")
        with open(path, "wb") as out:
            out.write(package.read("collection.anki2"))
        db = sqlite3.connect(path)
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        ver, crt, models, decks, dconf = db.execute("SELECT ver, crt, models, decks, dconf FROM col").fetchone()
        models, decks = json.loads(models), json.loads(decks)
        json.loads(dconf)
        notes = [
            {"id": i, "guid": g, "mid": m, "tags": t.split(), "fields": f.split("\x1f"), "sfld": s, "csum": c}
            for i, g, m, t, f, s, c in db.execute("SELECT id, guid, mid, tags, flds, sfld, csum FROM notes ORDER BY id")
        ]
        cards = [
            dict(zip(["id", "nid", "did", "ord", "type", "queue", "due", "ivl", "reps", "lapses", "data"], row))
            for row in db.execute("SELECT id, nid, did, ord, type, queue, due, ivl, reps, lapses, data FROM cards ORDER BY id")
        ]
        revlog = [
            dict(zip(["id", "cid", "ease", "ivl", "lastIvl", "factor", "time", "type"], row))
            for row in db.execute("SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id")
        ]
        db.close()
print(json.dumps({
    "files": names, "media": media, "integrity": integrity, "ver": ver, "crt": crt,
    "models": {k: {"name": v["name"], "type": v["type"], "fields": [f["name"] for f in v["flds"]]} for k, v in models.items()},
    "decks": sorted(d["name"] for d in decks.values()),
    "notes": notes, "cards": cards, "revlog": revlog,
}))
