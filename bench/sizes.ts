/** How big each benchmark is, in the full run and in `--quick` (CI proves the harness works with these). */
export interface Sizes {
  history: { documents: number; cardsPerDocument: number; logs: number; runs: number };
  inProcess: { usersPerSide: number; cardsPerUser: number; rounds: number; gradesPerRound: number };
  http: { connections: number; durationSeconds: number; warmupSeconds: number; cardsPerUser: number };
  /** Figure 2 open loop: grades at `rate`/s from `users` signed-in users for `seconds`; the search for the highest rate holds each for `searchSeconds`. */
  openLoop: { users: number; rate: number; seconds: number; searchSeconds: number; cardsPerUser: number };
  browserCards: number;
  /** Figure 8: histories to optimise, with the time target of each. */
  optimiser: { logs: number; ms: number; label: string }[];
}

export const FULL: Sizes = {
  history: { documents: 50, cardsPerDocument: 2_000, logs: 1_000_000, runs: 21 },
  inProcess: { usersPerSide: 10, cardsPerUser: 600, rounds: 5, gradesPerRound: 1_000 },
  http: { connections: 50, durationSeconds: 15, warmupSeconds: 3, cardsPerUser: 1_200 },
  openLoop: { users: 200, rate: 300, seconds: 20, searchSeconds: 10, cardsPerUser: 300 },
  browserCards: 50,
  optimiser: [
    { logs: 100_000, ms: 10_000, label: "≤ 10 s" },
    { logs: 1_000_000, ms: 60_000, label: "≤ 60 s" },
  ],
};

export const QUICK: Sizes = {
  history: { documents: 20, cardsPerDocument: 100, logs: 20_000, runs: 5 },
  inProcess: { usersPerSide: 2, cardsPerUser: 200, rounds: 3, gradesPerRound: 100 },
  http: { connections: 10, durationSeconds: 3, warmupSeconds: 1, cardsPerUser: 400 },
  openLoop: { users: 20, rate: 30, seconds: 3, searchSeconds: 2, cardsPerUser: 60 },
  browserCards: 10,
  optimiser: [{ logs: 20_000, ms: 10_000, label: "≤ 10 s (at 100k)" }],
};
