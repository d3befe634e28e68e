"use client";

import { useState } from "react";
import { RequestFailed, callApi } from "../ui/call-api";

export interface StudySettings {
  desiredRetention: number;
  dailyNewLimit: number;
  dailyReviewLimit: number;
  timeZone: string;
  learningSteps: string;
  relearningSteps: string;
  autoOptimise: boolean;
}

export function SettingsForm({ initial, zones }: { initial: StudySettings; zones: string[] }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    try {
      await callApi("/api/settings", {
        method: "PATCH",
        body: JSON.stringify({
          desiredRetention: Number(form.get("desiredRetention")) / 100,
          dailyNewLimit: Number(form.get("dailyNewLimit")),
          dailyReviewLimit: Number(form.get("dailyReviewLimit")),
          timeZone: String(form.get("timeZone")),
          learningSteps: String(form.get("learningSteps")),
          relearningSteps: String(form.get("relearningSteps")),
          autoOptimise: form.get("autoOptimise") === "on",
        }),
      });
      setMessage({ ok: true, text: "Saved. Your next review session uses these settings." });
    } catch (failure) {
      setMessage({ ok: false, text: failure instanceof RequestFailed ? failure.message : "Could not save your settings." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card stack" onSubmit={onSubmit}>
      {message && (
        <p className={message.ok ? "alert info" : "alert"} role="status" data-testid="settings-message">
          {message.text}
        </p>
      )}
      <div className="field">
        <label htmlFor="desiredRetention">Desired retention (%)</label>
        <input id="desiredRetention" name="desiredRetention" type="number" min={70} max={99} step={1} defaultValue={Math.round(initial.desiredRetention * 100)} />
        <span className="hint">The chance of remembering a card when it comes back. Higher means more reviews; 90% suits most people.</span>
      </div>
      <div className="field">
        <label htmlFor="dailyNewLimit">New cards per day</label>
        <input id="dailyNewLimit" name="dailyNewLimit" type="number" min={0} max={9999} defaultValue={initial.dailyNewLimit} />
      </div>
      <div className="field">
        <label htmlFor="dailyReviewLimit">Maximum reviews per day</label>
        <input id="dailyReviewLimit" name="dailyReviewLimit" type="number" min={0} max={99999} defaultValue={initial.dailyReviewLimit} />
        <span className="hint">Reviews over the limit stay due and come first the next day.</span>
      </div>
      <div className="field">
        <label htmlFor="timeZone">Time zone</label>
        <input id="timeZone" name="timeZone" defaultValue={initial.timeZone} list="time-zones" />
        <datalist id="time-zones">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <span className="hint">Your study day starts at 4 a.m. in this time zone.</span>
      </div>
      <div className="field">
        <label htmlFor="learningSteps">Learning steps</label>
        <input id="learningSteps" name="learningSteps" defaultValue={initial.learningSteps} />
        <span className="hint">When a new card comes back the same day: whole minutes, hours or days, such as &quot;1m 10m&quot; or &quot;90m 1d&quot;.</span>
      </div>
      <div className="field">
        <label htmlFor="relearningSteps">Relearning steps</label>
        <input id="relearningSteps" name="relearningSteps" defaultValue={initial.relearningSteps} />
        <span className="hint">When a forgotten card comes back the same day, such as &quot;10m&quot;. Leave empty for none.</span>
      </div>
      <label className="check small">
        <input type="checkbox" name="autoOptimise" defaultChecked={initial.autoOptimise} />
        <span>Re-optimise my memory model by itself when my history has grown by a quarter or a month has passed</span>
      </label>
      <button className="button primary" type="submit" disabled={busy}>
        Save settings
      </button>
    </form>
  );
}
