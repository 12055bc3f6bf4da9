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
  if (!upload) throw rules.invalid('no file part');
  if (hasNulCharacter(upload.fileName)) throw nulCharacterError('file');
  return upload;
}
