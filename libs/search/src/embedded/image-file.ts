import { mkdir, open, rename, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { StoreImage } from './store';

/** Bump when the image layout or what the postings mean changes. */
export const IMAGE_FORMAT = 2;
const MAGIC = 'TRSI';

/** What an image was built under: one that differs in any of these is not used. */
export interface ImageKey {
  index: string;
  /** The index settings (as the engine compares them). */
  settings: string;
  /** Segmenter kind and version (a new dictionary segments differently). */
  segmenter: string;
}

/**
 * An embedded index's text postings on local disk (`SEARCH_INDEX_CACHE_DIR`): a cache, never the
 * source of truth. Layout: `TRSI`, a u32 header length, the JSON header (format, key, ids, hashes,
 * terms), zero padding to 4 bytes, then the offsets (i32), document numbers (i32) and metas (u8),
 * little-endian. Written to a temporary file and renamed, so a reader sees a whole image or none.
 */
export async function writeImage(path: string, key: ImageKey, image: StoreImage): Promise<number> {
  const header = Buffer.from(
    JSON.stringify({ format: IMAGE_FORMAT, key, ids: image.ids, hashes: image.hashes, terms: image.terms }),
  );
  const head = Buffer.alloc(8);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(header.length, 4);
  const pad = Buffer.alloc((4 - ((8 + header.length) % 4)) % 4);
  const body = [
    head,
    header,
    pad,
    Buffer.from(image.offsets.buffer, image.offsets.byteOffset, image.offsets.byteLength),
    Buffer.from(image.docs.buffer, image.docs.byteOffset, image.docs.byteLength),
    Buffer.from(image.meta.buffer, image.meta.byteOffset, image.meta.byteLength),
  ];
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, body);
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  return body.reduce((n, b) => n + b.length, 0);
}

/**
 * The image at `path` if it exists, is whole and was built under `key`; null otherwise. The header and
 * the postings are read into buffers of their own: the postings are kept as views into theirs (no
 * second copy), and the header (ids, hashes, terms: megabytes at 100k documents) is not kept alive
 * with them once its strings are parsed.
 */
export async function readImage(path: string, key: ImageKey): Promise<StoreImage | null> {
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch {
    return null;
  }
  try {
    return await readOpenImage(file, key);
  } finally {
    await file.close();
  }
}

async function readOpenImage(file: FileHandle, key: ImageKey): Promise<StoreImage | null> {
  const { size } = await file.stat();
  const readAt = async (position: number, length: number): Promise<Buffer | null> => {
    // Its own allocation (not Node's shared pool): offset 0, so 4-byte aligned for the Int32Array views.
    const buf = Buffer.allocUnsafeSlow(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await file.read(buf, done, length - done, position + done);
      if (bytesRead === 0) return null;
      done += bytesRead;
    }
    return buf;
  };
  const head = size >= 8 ? await readAt(0, 8) : null;
  if (!head || head.toString('latin1', 0, 4) !== MAGIC) return null;
  const headerLength = head.readUInt32LE(4);
  if (8 + headerLength > size) return null;
  const headerBytes = await readAt(8, headerLength);
  if (!headerBytes) return null;
  let header: { format: number; key: ImageKey; ids: string[]; hashes: string[]; terms: string[] };
  try {
    header = JSON.parse(headerBytes.toString('utf8'));
  } catch {
    return null;
  }
  if (
    header.format !== IMAGE_FORMAT ||
    header.key?.index !== key.index ||
    header.key.settings !== key.settings ||
    header.key.segmenter !== key.segmenter ||
    !Array.isArray(header.ids) ||
    !Array.isArray(header.hashes) ||
    !Array.isArray(header.terms) ||
    header.ids.length !== header.hashes.length
  )
    return null;
  let at = 8 + headerLength;
  at += (4 - (at % 4)) % 4;
  const offsetsBytes = (header.terms.length + 1) * 4;
  if (at + offsetsBytes > size) return null;
  const body = await readAt(at, size - at);
  if (!body) return null;
  const offsets = new Int32Array(body.buffer, body.byteOffset, header.terms.length + 1);
  const total = offsets[header.terms.length];
  if (!(total >= 0) || offsetsBytes + total * 5 !== body.length) return null;
  const docs = new Int32Array(body.buffer, body.byteOffset + offsetsBytes, total);
  const meta = new Uint8Array(body.buffer, body.byteOffset + offsetsBytes + total * 4, total);
  const n = header.ids.length;
  for (let t = 0; t < header.terms.length; t++) if (offsets[t] > offsets[t + 1]) return null;
  for (let i = 0; i < total; i++) if (docs[i] < 0 || docs[i] >= n) return null;
  return { ids: header.ids, hashes: header.hashes, terms: header.terms, offsets, docs, meta };
}
