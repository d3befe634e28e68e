/** Keypoint's statistics: pure functions from compact aggregate rows to figures; `now` and the zone are passed in. */
export * from "./types";
export * from "./study-days";
export * from "./range";
export * from "./retention";
export * from "./activity";
export * from "./forecast";
export * from "./distributions";
export * from "./calibration";
export * from "./topics";
export * from "./csv";
export * from "./figures";
