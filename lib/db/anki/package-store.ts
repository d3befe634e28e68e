/**
 * Packages waiting to be imported, kept on disk until their import ends, so a run cut off by
 * a restart can start again: `<KEYPOINT_DATA_DIR>/anki-imports/<import id>.apkg`.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { appEnv } from "../../config/env";

export function packagePath(jobId: string, dataDir = appEnv().dataDir): string {
  return path.join(dataDir, "anki-imports", `${jobId}.apkg`);
}

export async function savePackage(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
}

export async function removePackage(file: string): Promise<void> {
  await rm(file, { force: true });
}
