import { defineErrors } from './domain-error';

export type PlatformErrorCode =
  | 'VALIDATION_FAILED'
  | 'PAYLOAD_TOO_LARGE'
  | 'PAYLOAD_TOO_DEEP'
  | 'PATCH_EMPTY'
  | 'MALFORMED_REQUEST'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'ROUTE_NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'INVALID_CURSOR'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'REFERENCE_NOT_FOUND'
  | 'REFERENCE_IN_USE'
  | 'IDEMPOTENCY_KEY_MISMATCH'
  | 'IDEMPOTENCY_KEY_IN_PROGRESS'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_ERROR';

export const platformError = defineErrors<PlatformErrorCode>({
  VALIDATION_FAILED: { status: 400, en: 'The request has invalid fields.', zh: '请求中有字段不合法。' },
  PAYLOAD_TOO_LARGE: { status: 413, en: 'The request body is too large.', zh: '请求体过大。' },
  PAYLOAD_TOO_DEEP: {
    status: 400,
    en: 'The request body is nested too deeply.',
    zh: '请求体嵌套层级过深。',
  },
  PATCH_EMPTY: {
    status: 400,
    en: 'The change is empty: send at least one field to change.',
    zh: '修改内容为空：请至少提交一个要修改的字段。',
  },
  MALFORMED_REQUEST: { status: 400, en: 'The request body could not be parsed.', zh: '请求体无法解析。' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, en: 'This content type is not accepted.', zh: '不支持该内容类型。' },
  ROUTE_NOT_FOUND: { status: 404, en: 'No such route.', zh: '接口不存在。' },
  METHOD_NOT_ALLOWED: { status: 405, en: 'Method not allowed on this route.', zh: '该接口不支持此方法。' },
  INVALID_CURSOR: { status: 400, en: 'The pagination cursor is invalid.', zh: '分页游标无效。' },
  UNAUTHENTICATED: { status: 401, en: 'Sign in to continue.', zh: '请先登录。' },
  FORBIDDEN: { status: 403, en: 'Your role does not allow this action.', zh: '您的角色无权执行此操作。' },
  NOT_FOUND: { status: 404, en: 'Not found.', zh: '未找到。' },
  CONFLICT: { status: 409, en: 'The request conflicts with the current state.', zh: '请求与当前状态冲突。' },
  REFERENCE_NOT_FOUND: {
    status: 422,
    en: 'A referenced record does not exist.',
    zh: '引用的记录不存在。',
  },
  REFERENCE_IN_USE: {
    status: 409,
    en: 'This record is still referenced by other records.',
    zh: '该记录仍被其他记录引用。',
  },
  IDEMPOTENCY_KEY_MISMATCH: {
    status: 422,
    en: 'This Idempotency-Key was already used for a different request.',
    zh: '该 Idempotency-Key 已用于另一个不同的请求。',
  },
  IDEMPOTENCY_KEY_IN_PROGRESS: {
    status: 409,
    en: 'A request with this Idempotency-Key is still being processed; retry shortly.',
    zh: '使用该 Idempotency-Key 的请求仍在处理中，请稍后重试。',
  },
  RATE_LIMITED: { status: 429, en: 'Too many requests; try again later.', zh: '请求过于频繁，请稍后再试。' },
  SERVICE_UNAVAILABLE: { status: 503, en: 'A dependency is unavailable.', zh: '依赖服务暂不可用。' },
  INTERNAL_ERROR: { status: 500, en: 'Something went wrong on our side.', zh: '服务器内部错误。' },
});
