/**
 * Reads the parts of a zip (a .docx) without trusting it: the number of entries and their
 * declared expanded size are checked before anything is inflated, and each part is counted
 * while it inflates (yauzl stops a part that holds more than it declares), so a small file
 * that would expand to gigabytes is refused in milliseconds.
 */
import { fromBuffer, type Entry, type ZipFile } from "yauzl";
import { DocumentError, describeSize } from "./errors";

export interface ZipLimits {
  maxEntries: number;
  /** Sum of all parts once expanded. */
  maxExpandedBytes: number;
}

function open(bytes: Uint8Array): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  );
}

/** Every entry of an opened zip (lazyEntries), in order. */
export function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on("entry", (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", reject);
    zip.readEntry();
  });
}

function inflate(zip: ZipFile, entry: Entry, budget: { left: number }, tooLarge: () => DocumentError): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => {
        budget.left -= chunk.length;
        if (budget.left < 0) {
          stream.destroy();
          reject(tooLarge());
        } else chunks.push(chunk);
      });
      stream.on("error", reject);
      stream.on("end", () => resolve(Buffer.concat(chunks)));
    });
  });
}

/**
 * The parts whose names `wanted` accepts, inflated. `what` names the file in messages ("report.docx").
 * Throws DocumentError: TOO_LARGE for a zip bomb, DAMAGED for a zip that cannot be read.
 */
export async function readZipParts(bytes: Uint8Array, wanted: (name: string) => boolean, limits: ZipLimits, what: string): Promise<Map<string, Buffer>> {
  const damaged = () => new DocumentError("DAMAGED", `${what} is damaged: its zip structure cannot be read.`);
  const tooLarge = (expanded?: number) => {
    const size = expanded === undefined ? `more than ${describeSize(limits.maxExpandedBytes)}` : describeSize(expanded);
    return new DocumentError("TOO_LARGE", `${what} would expand to ${size} when unpacked (the limit is ${describeSize(limits.maxExpandedBytes)}), so it was not opened.`);
  };
  let zip: ZipFile;
  try {
    zip = await open(bytes);
  } catch {
    throw damaged();
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new DocumentError("TOO_LARGE", `${what} holds ${zip.entryCount} files; a document has at most ${limits.maxEntries}, so it was not opened.`);
    }
    const entries = await listEntries(zip).catch(() => Promise.reject(damaged()));
    const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    if (declared > limits.maxExpandedBytes) throw tooLarge(declared);
    const budget = { left: limits.maxExpandedBytes };
    const parts = new Map<string, Buffer>();
    for (const entry of entries) {
      if (/\/$/.test(entry.fileName) || !wanted(entry.fileName)) continue;
      try {
        parts.set(entry.fileName, await inflate(zip, entry, budget, () => tooLarge()));
      } catch (error) {
        if (error instanceof DocumentError) throw error;
        // yauzl: "too many bytes in the stream": a part that inflates past the size it declares.
        if (/too many bytes/i.test(String(error))) {
          throw new DocumentError("DAMAGED", `${what} is damaged or a zip bomb: a part inflates past the size it declares, so it was not opened.`);
        }
        throw damaged();
      }
    }
    return parts;
  } finally {
    zip.close();
  }
}
