/**
 * Opening an .apkg / .colpkg without trusting it: the zip's directory is read first (a
 * password-protected entry, a missing collection or a declared size over the limit are
 * refused before anything is inflated), then only the collection is inflated, counted as it
 * goes, into a temporary file (zstd-decoded for `collection.anki21b`). Media files are never
 * inflated: Keypoint cards hold text only.
 */
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Decompress } from "fzstd";
import { open as openZip, type Entry, type ZipFile } from "yauzl";
import { listEntries } from "../documents/zip-guard";
import { AnkiPackageError, describeBytes } from "./errors";
import { varintField } from "./protobuf";

export interface PackageLimits {
  /** The package file itself. */
  maxPackageBytes: number;
  /** The collection once unpacked (and zstd-decoded). */
  maxCollectionBytes: number;
}

export const PACKAGE_LIMITS: PackageLimits = { maxPackageBytes: 250 * 1024 * 1024, maxCollectionBytes: 2 * 1024 * 1024 * 1024 };

/** Collection entries from newest format to oldest: a package may hold an old one as a placeholder. */
const COLLECTIONS = ["collection.anki21b", "collection.anki21", "collection.anki2"] as const;
export type CollectionFormat = (typeof COLLECTIONS)[number];

/** The newest package version Keypoint reads (Anki's PackageMetadata.Version.LATEST). */
const LATEST_PACKAGE_VERSION = 3;

export interface UnpackedCollection {
  /** The SQLite file, in a temporary folder that `dispose` removes. */
  file: string;
  format: CollectionFormat;
  dispose(): Promise<void>;
}

const damaged = () => new AnkiPackageError("DAMAGED", "This file is damaged: it is not a zip archive Keypoint can read, so nothing was imported.");

function openPackage(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    openZip(path, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, autoClose: false }, (error, zip) =>
      error ? reject(damaged()) : resolve(zip),
    ),
  );
}

function readStream(zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (error, stream) => (error ? reject(damaged()) : resolve(stream))));
}

async function readSmallEntry(zip: ZipFile, entry: Entry, limit: number): Promise<Buffer> {
  if (entry.uncompressedSize > limit) throw damaged();
  const chunks: Buffer[] = [];
  for await (const chunk of await readStream(zip, entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function tooLarge(limit: number, size?: number): AnkiPackageError {
  const what = size === undefined ? `more than ${describeBytes(limit)}` : describeBytes(size);
  return new AnkiPackageError(
    "TOO_LARGE_EXPANDED",
    `This package would unpack to ${what} (the limit is ${describeBytes(limit)}), so it was not opened and nothing was imported.`,
  );
}

/** Inflates (and zstd-decodes) the collection entry into `file`, counting every byte written. */
async function unpackCollection(zip: ZipFile, entry: Entry, zstd: boolean, file: string, limit: number): Promise<void> {
  const out = createWriteStream(file);
  let written = 0;
  let failure: Error | null = null;
  const write = (chunk: Uint8Array) => {
    written += chunk.length;
    if (written > limit) failure ??= tooLarge(limit);
    else if (!failure) out.write(chunk);
  };
  const decoder = zstd ? new Decompress((chunk) => write(chunk)) : null;
  try {
    for await (const chunk of await readStream(zip, entry)) {
      if (decoder) decoder.push(chunk as Uint8Array);
      else write(chunk as Uint8Array);
      if (failure) break;
    }
    if (decoder && !failure) decoder.push(new Uint8Array(0), true);
  } catch (error) {
    if (!failure) {
      failure =
        /too many bytes/i.test(String(error))
          ? new AnkiPackageError("DAMAGED", "This package is damaged or a zip bomb: its collection unpacks past the size it declares, so nothing was imported.")
          : error instanceof AnkiPackageError
            ? error
            : damaged();
    }
  } finally {
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
  if (failure) throw failure;
}

/** The collection entry, once the directory passed every check that needs no inflating. */
async function collectionEntry(zip: ZipFile, limits: PackageLimits): Promise<{ entry: Entry; format: CollectionFormat }> {
  const entries = await listEntries(zip).catch(() => Promise.reject(damaged()));
  if (entries.some((entry) => (entry.generalPurposeBitFlag & 1) === 1)) {
    throw new AnkiPackageError("ENCRYPTED", "This package is password-protected; Anki never encrypts its packages, so export it again from Anki without a password.");
  }
  const byName = new Map(entries.map((entry) => [entry.fileName, entry]));
  const format = COLLECTIONS.find((name) => byName.has(name));
  if (!format) {
    throw new AnkiPackageError("NOT_ANKI", "This zip holds no Anki collection: export an .apkg or .colpkg from Anki (File → Export) and import that.");
  }
  const meta = byName.get("meta");
  if (meta) {
    let version: number | null;
    try {
      version = varintField(await readSmallEntry(zip, meta, 4096), 1);
    } catch {
      throw damaged();
    }
    if (version !== null && version > LATEST_PACKAGE_VERSION) {
      throw new AnkiPackageError("FUTURE_VERSION", "This package comes from a newer Anki than Keypoint knows; export it with “Support older Anki versions” ticked and import that.");
    }
  }
  const entry = byName.get(format)!;
  if (format !== "collection.anki21b" && entry.uncompressedSize > limits.maxCollectionBytes) throw tooLarge(limits.maxCollectionBytes, entry.uncompressedSize);
  return { entry, format };
}

/** Checks a package's size and zip directory (no inflating): what can be refused at once, on upload. */
export async function inspectPackage(path: string, bytes: number, limits: PackageLimits = PACKAGE_LIMITS): Promise<CollectionFormat> {
  checkPackageSize(bytes, limits);
  const zip = await openPackage(path);
  try {
    return (await collectionEntry(zip, limits)).format;
  } finally {
    zip.close();
  }
}

/**
 * The package's collection as a SQLite file in a temporary folder. Throws AnkiPackageError:
 * TOO_LARGE_EXPANDED, ENCRYPTED, DAMAGED, NOT_ANKI, FUTURE_VERSION.
 */
export async function unpackPackage(path: string, limits: PackageLimits = PACKAGE_LIMITS): Promise<UnpackedCollection> {
  const zip = await openPackage(path);
  const folder = await mkdtemp(join(tmpdir(), "keypoint-anki-"));
  const dispose = () => rm(folder, { recursive: true, force: true });
  try {
    const { entry, format } = await collectionEntry(zip, limits);
    const file = join(folder, "collection.sqlite");
    await unpackCollection(zip, entry, format === "collection.anki21b", file, limits.maxCollectionBytes);
    return { file, format, dispose };
  } catch (error) {
    await dispose();
    throw error;
  } finally {
    zip.close();
  }
}

/** Refuses a package file over the size limit before it is opened. */
export function checkPackageSize(bytes: number, limits: PackageLimits = PACKAGE_LIMITS): void {
  if (bytes > limits.maxPackageBytes) {
    throw new AnkiPackageError(
      "TOO_LARGE",
      `This package is ${describeBytes(bytes)}; Keypoint imports packages up to ${describeBytes(limits.maxPackageBytes)}, so nothing was imported.`,
    );
  }
}
