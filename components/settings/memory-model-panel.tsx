"use client";

import { useCallback, useEffect, useState } from "react";
import type { MemoryModelStatus } from "@/lib/db/memory-model/status";
import { calibration } from "@/lib/stats/calibration";
import { CalibrationChart } from "../stats/calibration-chart";
import { RequestFailed, callApi } from "../ui/call-api";
import { WorkloadChart } from "./workload-chart";

type Status = MemoryModelStatus;
type Metrics = { logLoss: number; rmseBins: number } | null | undefined;

const SOURCE: Record<string, string> = { OPTIMISED: "Optimised", PASTED: "Pasted", DEFAULTS: "FSRS-6 defaults", RESTORED: "Brought back" };
const four = (value: number | undefined) => (value === undefined ? "–" : value.toFixed(4));

/** Settings → Memory model: optimise, compare, adopt (or not), paste from Anki, go back. */
export function MemoryModelPanel() {
  const [status, setStatus] = useState<Status | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [reschedule, setReschedule] = useState(false);
  const [pasted, setPasted] = useState("");

  const refresh = useCallback(() => callApi<Status>("/api/memory-model").then(setStatus), []);
  useEffect(() => {
    callApi<Status>("/api/memory-model").then(setStatus, () => undefined);
  }, []);
  const running = status?.active ?? null;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void refresh().catch(() => undefined), 1000);
    return () => clearInterval(timer);
  }, [running, refresh]);

  async function act(url: string, body?: unknown, done?: string) {
    setMessage(null);
    try {
      await callApi(url, { method: "POST", body: body === undefined ? undefined : JSON.stringify(body) });
      if (done) setMessage({ ok: true, text: done });
    } catch (failure) {
      setMessage({ ok: false, text: failure instanceof RequestFailed ? failure.message : "Something went wrong." });
    }
    await refresh();
  }
  const change = (body: Record<string, unknown>, done: string) => act("/api/memory-model/parameters", { ...body, reschedule }, done);

  if (!status) return <section className="card">Loading your memory model…</section>;
  const last = status.lastOptimisation;
  const result = last?.result ?? null;
  const adoptable = last?.status === "DONE" && result?.better && !result.adopted && !running;
  const metrics: [string, Metrics][] = result?.metrics
    ? [
        ["FSRS-6 defaults", result.metrics.defaults],
        [status.isDefault || !result.evaluatedAgainst ? "Current (the defaults)" : "Current parameters", result.metrics.current],
        ["New parameters", result.metrics.optimised],
      ]
    : [];

  return (
    <section className="card stack" aria-labelledby="memory-model" data-testid="memory-model">
      <h2 id="memory-model">Memory model</h2>
      <p className="muted small">
        FSRS predicts when you will forget each card. Optimise fits its 21 parameters to your own review history; new parameters are
        adopted only if they predict your later reviews better than the ones you have.
      </p>
      {message && (
        <p className={message.ok ? "alert info" : "alert"} role="status" data-testid="memory-model-message">
          {message.text}
        </p>
      )}

      {running ? (
        <div className="stack" data-testid="memory-model-progress">
          <div className="row">
            <strong>{running.kind === "OPTIMISE" ? "Optimising" : "Applying new parameters"}</strong>
            <span className="muted small">{running.phase}</span>
          </div>
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(running.progress * 100)}>
            <div style={{ width: `${Math.round(running.progress * 100)}%` }} />
          </div>
          {running.kind === "OPTIMISE" && (
            <button className="button" type="button" onClick={() => void act("/api/memory-model/cancel", undefined, "Optimisation cancelled; your parameters did not change.")}>
              Cancel optimisation
            </button>
          )}
        </div>
      ) : (
        <button className="button primary" type="button" onClick={() => void act("/api/memory-model/optimise")}>
          Optimise
        </button>
      )}

      {last && result && (
        <div className="stack" data-testid="optimisation-result">
          <p className={result.better ? "alert info" : "muted"} data-testid="optimisation-message">
            {result.message}
            {result.adopted ? " Adopted." : ""}
          </p>
          {metrics.length > 0 && (
            <div className="table-scroll">
              <table data-testid="metrics-table">
                <caption className="small muted">
                  On your later reviews ({(result.reviewCount ?? 0).toLocaleString("en-US")} reviews in all; time-series split). Lower is better.
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Parameters</th>
                    <th scope="col">Log loss</th>
                    <th scope="col">RMSE (bins)</th>
                  </tr>
                </thead>
                <tbody>
                  {metrics.map(([name, m]) => (
                    <tr key={name}>
                      <th scope="row">{name}</th>
                      <td>{four(m?.logLoss)}</td>
                      <td>{four(m?.rmseBins)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {result.calibration && (
            <details>
              <summary>Calibration before and after</summary>
              <div className="stats-grid">
                <div>
                  <h3 className="small">Current parameters</h3>
                  <CalibrationChart data={calibration(result.calibration.current)} />
                </div>
                <div>
                  <h3 className="small">New parameters</h3>
                  <CalibrationChart data={calibration(result.calibration.optimised)} />
                </div>
              </div>
            </details>
          )}
          {result.steps && (result.steps.learning.length > 0 || result.steps.relearning.length > 0) && (
            <p className="small" data-testid="suggested-steps">
              Steps that fit your history: learning {result.steps.learning.join(" ") || "none"}, relearning {result.steps.relearning.join(" ") || "none"}{" "}
              <button
                className="button"
                type="button"
                onClick={() => void callApi("/api/settings", { method: "PATCH", body: JSON.stringify({ learningSteps: result.steps!.learning.join(" "), relearningSteps: result.steps!.relearning.join(" ") }) }).then(() => window.location.reload())}
              >
                Use these steps
              </button>
            </p>
          )}
        </div>
      )}

      <label className="check small">
        <input type="checkbox" checked={reschedule} onChange={(event) => setReschedule(event.target.checked)} data-testid="reschedule" />
        <span>
          Reschedule cards on change: move review cards&apos; due dates to what the new parameters give (otherwise only their memory is updated
          and due dates stay as they are)
        </span>
      </label>
      {adoptable && (
        <button className="button primary" type="button" onClick={() => void change({ from: "optimisation", jobId: last!.id }, "New parameters adopted; your cards' memory is being recomputed.")}>
          Adopt new parameters
        </button>
      )}
      {status.lastRecompute?.message && !running && <p className="small muted" data-testid="recompute-message">{status.lastRecompute.message}</p>}

      <div className="field">
        <label htmlFor="fsrs-params">Parameters in force{status.isDefault ? " (FSRS-6 defaults)" : ""}, in Anki&apos;s format</label>
        <textarea id="fsrs-params" className="compact" readOnly rows={3} value={status.paramsText} data-testid="params-text" />
        <button className="button" type="button" onClick={() => void navigator.clipboard?.writeText(status.paramsText)}>
          Copy for Anki
        </button>
      </div>
      <div className="field">
        <label htmlFor="fsrs-paste">Paste parameters from Anki</label>
        <textarea id="fsrs-paste" className="compact" rows={3} value={pasted} onChange={(event) => setPasted(event.target.value)} placeholder="0.212, 1.2931, 2.3065, …" />
        <div className="row">
          <button className="button" type="button" disabled={!pasted.trim() || Boolean(running)} onClick={() => void change({ from: "pasted", text: pasted }, "Pasted parameters in force; your cards' memory is being recomputed.")}>
            Use pasted parameters
          </button>
          <button className="button" type="button" disabled={status.isDefault || Boolean(running)} onClick={() => void change({ from: "defaults" }, "Back to the FSRS-6 defaults; your cards' memory is being recomputed.")}>
            Back to defaults
          </button>
        </div>
      </div>

      {status.history.length > 0 && (
        <div className="table-scroll">
          <table data-testid="parameter-history">
            <caption className="small muted">Parameter sets you have used, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">From</th>
                <th scope="col">Reviews</th>
                <th scope="col">Log loss</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {status.history.map((set, i) => (
                <tr key={set.id}>
                  <td>{new Date(set.createdAt).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" })}</td>
                  <td>{SOURCE[set.source] ?? set.source}</td>
                  <td>{set.reviewCount?.toLocaleString("en-US") ?? "–"}</td>
                  <td>{set.logLoss === null ? "–" : set.logLoss.toFixed(4)}</td>
                  <td>
                    {i > 0 && (
                      <button className="button" type="button" disabled={Boolean(running)} onClick={() => void change({ from: "history", parameterSetId: set.id }, "Earlier parameters brought back; your cards' memory is being recomputed.")}>
                        Use again
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <WorkloadChart />
    </section>
  );
}
