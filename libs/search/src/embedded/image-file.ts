import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
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

/** The image at `path` if it exists, is whole and was built under `key`; null otherwise. */
export async function readImage(path: string, key: ImageKey): Promise<StoreImage | null> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch {
    return null;
  }
  if (buf.length < 8 || buf.toString('latin1', 0, 4) !== MAGIC) return null;
  const headerLength = buf.readUInt32LE(4);
  if (8 + headerLength > buf.length) return null;
  let header: { format: number; key: ImageKey; ids: string[]; hashes: string[]; terms: string[] };
  try {
    header = JSON.parse(buf.toString('utf8', 8, 8 + headerLength));
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
  if (at + offsetsBytes > buf.length) return null;
  // Views into the file's bytes (the store keeps them as its postings: no second copy), or copies
  // when the buffer's start is not 4-byte aligned (a small file read into Node's shared pool).
  const aligned = buf.byteOffset % 4 === 0;
  const int32s = (from: number, count: number) =>
    aligned
      ? new Int32Array(buf.buffer, buf.byteOffset + from, count)
      : new Int32Array(buf.buffer.slice(buf.byteOffset + from, buf.byteOffset + from + count * 4));
  const offsets = int32s(at, header.terms.length + 1);
  at += offsetsBytes;
  const total = offsets[header.terms.length];
  if (!(total >= 0) || at + total * 5 !== buf.length) return null;
  const docs = int32s(at, total);
  at += total * 4;
  const meta = new Uint8Array(buf.buffer, buf.byteOffset + at, total); // bytes need no alignment
  const n = header.ids.length;
  for (let t = 0; t < header.terms.length; t++) if (offsets[t] > offsets[t + 1]) return null;
  for (let i = 0; i < total; i++) if (docs[i] < 0 || docs[i] >= n) return null;
  return { ids: header.ids, hashes: header.hashes, terms: header.terms, offsets, docs, meta };
}
