import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DECORATORS } from '@nestjs/swagger';
import { platformError } from '../errors/platform.errors';

/**
 * The input rules every HTTP route shares (docs/architecture.md, "Input rules"). They hold at the
 * body parser and the global pipe, so a route cannot forget them:
 *
 * - JSON bodies nest at most `MAX_JSON_DEPTH` levels (`400 PAYLOAD_TOO_DEEP`): class-transformer
 *   recurses, and a few KB of `[[[[…]]]]` would overflow its stack;
 * - no text (body string, query or path value, upload file name) contains U+0000: Postgres refuses
 *   the byte (`400 VALIDATION_FAILED`, rule `noNulCharacter`, with the field);
 * - `null` only where the DTO documents the field as `nullable` (`400 VALIDATION_FAILED`, rule
 *   `isNotNull`);
 * - a PATCH changes at least one field (`400 PATCH_EMPTY`);
 * - bodies are JSON, or multipart on the routes that declare `@ApiConsumes('multipart/form-data')`;
 *   anything else is `415 UNSUPPORTED_MEDIA_TYPE`; over `BODY_LIMIT_BYTES` is `413 PAYLOAD_TOO_LARGE`.
 */
export const MAX_JSON_DEPTH = 32;

/** Whether objects and arrays in `value` nest deeper than `max` levels (iterative: no recursion). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** The one text rule's predicate: Postgres text cannot hold U+0000. */
export function hasNulCharacter(text: string): boolean {
  return text.includes('\u0000');
}

/**
 * The dotted path (`organization.name`, `tracks.1`) of the first string or key in `value` that
 * contains U+0000, or undefined. `value` is bounded by the JSON depth rule (or is a query / path value).
 */
export function nulCharacterPath(value: unknown, root = ''): string | undefined {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      if (hasNulCharacter(node)) return path || 'body';
      continue;
    }
    if (node === null || typeof node !== 'object' || Buffer.isBuffer(node)) continue;
    const entries = Object.entries(node).reverse();
    for (const [key, child] of entries) {
      const childPath = path ? `${path}.${key}` : key;
      if (hasNulCharacter(key)) return childPath.split('\u0000').join('\\u0000');
      stack.push([child, childPath]);
    }
  }
  return undefined;
}

export function nulCharacterError(field: string) {
  return platformError('VALIDATION_FAILED', {
    field,
    fields: [{ field, rules: ['noNulCharacter'], messages: [`${field} must not contain the NUL character (U+0000)`] }],
  });
}

/** What a DTO documents about one field (its @ApiProperty): the rules read the same truth as clients. */
export interface DocumentedField {
  name: string;
  required: boolean;
  nullable: boolean;
}

/** The documented fields of a DTO class (inherited ones and PartialType's included). */
export function documentedFields(dto: unknown): DocumentedField[] {
  if (typeof dto !== 'function' || !dto.prototype) return [];
  const names: string[] = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, dto.prototype) ?? [];
  return [...new Set(names.map((n) => n.replace(/^:/, '')))].map((name) => {
    const meta = documentedField(dto.prototype, name);
    return { name, required: meta?.required !== false, nullable: meta?.nullable === true };
  });
}

function documentedField(prototype: object, name: string): { required?: boolean; nullable?: boolean } | undefined {
  return Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, prototype, name);
}

/**
 * Dotted paths of the fields of a validated DTO instance that hold `null` although the DTO does not
 * document them as nullable; nested DTO instances (and arrays of them) are checked too.
 */
export function undocumentedNulls(instance: unknown, root = ''): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [[instance, root]];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (Array.isArray(node)) {
      node.forEach((item, i) => stack.push([item, path ? `${path}.${i}` : String(i)]));
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    const prototype = Object.getPrototypeOf(node) as object | null;
    if (!prototype || prototype === Object.prototype) continue; // a plain object: no DTO says anything
    for (const [key, value] of Object.entries(node)) {
      const fieldPath = path ? `${path}.${key}` : key;
      if (value === null) {
        if (documentedField(prototype, key)?.nullable !== true) found.push(fieldPath);
      } else if (typeof value === 'object') {
        stack.push([value, fieldPath]);
      }
    }
  }
  return found;
}

/**
 * The body parsers of an HTTP app: JSON only — Fastify's text/plain parser and Nest's
 * form-urlencoded one are not installed, so other types are `415 UNSUPPORTED_MEDIA_TYPE` — with
 * prototype-poisoning protection as before, the depth rule, and an empty body read as no body (a
 * body-less action sent with `Content-Type: application/json` behaves as one without it).
 * Multipart is the upload plugin's, on the routes that declare it.
 */
export function installJsonBodyParser(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  // Through Nest, so that Nest's init does not register its own JSON and urlencoded parsers.
  app.useBodyParser('application/json', { bodyLimit: fastify.initialConfig.bodyLimit }, (request, body, done) => {
    const text = body.toString('utf8');
    if (text.trim().length === 0) return done(null, undefined);
    parse(request as Parameters<typeof parse>[0], text, (err: Error | null, value?: unknown) => {
      if (err) return done(err, undefined);
      if (nestsDeeperThan(value, MAX_JSON_DEPTH)) {
        return done(platformError('PAYLOAD_TOO_DEEP', { maxDepth: MAX_JSON_DEPTH }), undefined);
      }
      done(null, value);
    });
  });
}
