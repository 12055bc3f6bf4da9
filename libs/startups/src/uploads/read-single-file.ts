import type { FastifyRequest } from 'fastify';
import type { DomainError } from '@app/platform';

export interface SingleFileRules {
  maxBytes: number;
  /** Raised when the request is not multipart or has no file part. */
  invalid: (reason: string) => DomainError;
  /** Raised when the file is larger than `maxBytes`. */
  tooLarge: () => DomainError;
}

/**
 * Reads the one file of a multipart request into memory. It asks the plugin for one byte over the
 * limit and checks the truncation flag as well: the plugin's own size error is raised
 * asynchronously, and a cut-off body must never be taken for a complete file.
 */
export async function readSingleFile(request: FastifyRequest, rules: SingleFileRules): Promise<{ body: Buffer; fileName: string }> {
  if (!request.isMultipart()) throw rules.invalid('send multipart/form-data');
  try {
    const file = await request.file({ limits: { fileSize: rules.maxBytes + 1 } });
    if (!file) throw rules.invalid('no file part');
    const body = await file.toBuffer();
    if (file.file.truncated || body.length > rules.maxBytes) throw rules.tooLarge();
    return { body, fileName: file.filename };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw rules.tooLarge();
    throw err;
  }
}
