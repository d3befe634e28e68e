// The memory-model worker process starts here: plain JavaScript, so `next start`, vitest and
// the benchmarks can all start it; it lets tsx load the TypeScript worker named on its command line.
import { register } from "tsx/esm/api";

register();
await import(process.argv[2]);
