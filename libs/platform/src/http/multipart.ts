import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';
import { platformError } from '../errors/platform.errors';
import { hasNulCharacter, nulCharacterError } from './input-rules';

export interface SingleUploadRules {
  maxBytes: number;
  /** Raised when the multipart body is well-formed but has no file part. */
  invalid: (reason: string) => DomainError;
  /** Raised when the file is larger than `maxBytes`. */
  tooLarge: () => DomainError;
}

/** Errors of @fastify/multipart that are about limits (it answers them with 413). */
const LIMIT_CODES = new Set(['FST_PARTS_LIMIT', 'FST_FILES_LIMIT', 'FST_FIELDS_LIMIT']);

/**
 * Reads the one file of a multipart request (field `file`; other fields are ignored) into memory,
 * reading the body to its closing boundary so a cut-off form is never taken for a complete file.
 * It asks the plugin for one byte over the limit and checks the truncation flag as well: the
 * plugin's own size error is raised asynchronously.
 *
 * Broken multipart (no boundary, an unterminated part, a malformed part header) is
 * `400 MALFORMED_REQUEST` with `details.reason`; a body that is not multipart is
 * `415 UNSUPPORTED_MEDIA_TYPE`; a file name with U+0000 is the text rule's `400 VALIDATION_FAILED`.
 */
export async function readSingleUpload(
  request: FastifyRequest,
  rules: SingleUploadRules,
): Promise<{ body: Buffer; fileName: string }> {
  if (typeof request.isMultipart !== 'function' || !request.isMultipart()) {
    throw platformError('UNSUPPORTED_MEDIA_TYPE', { accepted: ['multipart/form-data'] });
  }
  let upload: { body: Buffer; fileName: string } | undefined;
  // The parser takes a body that ends right after a delimiter (no closing `--boundary--`) as
  // complete: a client cut off there would store a file nobody knows is whole. Watch for the close.
  const closed = watchClosingDelimiter(request);
  try {
    for await (const part of request.parts({ limits: { fileSize: rules.maxBytes + 1 } })) {
      if (part.type !== 'file') continue;
      const body = await part.toBuffer();
      if (part.file.truncated || body.length > rules.maxBytes) throw rules.tooLarge();
      upload = { body, fileName: part.filename };
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw rules.tooLarge();
    if (code && LIMIT_CODES.has(code))
      throw platformError('PAYLOAD_TOO_LARGE', { field: 'file', reason: 'one_file_only' });
    throw platformError('MALFORMED_REQUEST', { field: 'file', reason: 'multipart' });
  }
  if (!closed()) throw platformError('MALFORMED_REQUEST', { field: 'file', reason: 'multipart' });
  if (!upload) throw rules.invalid('no file part');
  if (hasNulCharacter(upload.fileName)) throw nulCharacterError('file');
  return upload;
}

/**
 * True once the request body has carried its closing delimiter (`--boundary--`). Listens beside the
 * multipart parser on the raw stream (attached in the same tick as the parser's pipe, so no chunk is
 * missed), keeping only a window of the delimiter's length across chunk edges.
 */
function watchClosingDelimiter(request: FastifyRequest): () => boolean {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(String(request.headers['content-type'] ?? ''));
  if (!match) return () => true; // the parser itself refuses a body without a boundary
  const delimiter = Buffer.from(`--${match[1] ?? match[2]}--`);
  let seen = false;
  let window = Buffer.alloc(0);
  const onData = (chunk: Buffer) => {
    if (seen) return;
    window = Buffer.concat([window, chunk]);
    if (window.includes(delimiter)) seen = true;
    else window = window.subarray(Math.max(0, window.length - delimiter.length + 1));
  };
  request.raw.on('data', onData);
  return () => {
    request.raw.off('data', onData);
    return seen;
  };
}
