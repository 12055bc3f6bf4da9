import { defineErrors } from '@app/platform';

export type IdentityErrorCode =
  | 'EMAIL_INVALID'
  | 'EMAIL_TAKEN'
  | 'PASSWORD_TOO_WEAK'
  | 'CREDIT_CODE_INVALID'
  | 'CREDIT_CODE_TAKEN'
  | 'REGION_CODE_INVALID'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_DISABLED'
  | 'TOKEN_INVALID'
  | 'TOKEN_EXPIRED'
  | 'REFRESH_TOKEN_INVALID'
  | 'REFRESH_TOKEN_REUSED'
  | 'SESSION_REVOKED'
  | 'NOT_A_MEMBER'
  | 'ORGANIZATION_NOT_FOUND'
  | 'MEMBER_NOT_FOUND'
  | 'ROLE_CHANGE_FORBIDDEN'
  | 'LAST_OWNER'
  | 'INVITATION_NOT_FOUND'
  | 'INVITATION_PENDING'
  | 'INVITATION_EXPIRED'
  | 'INVITATION_USED'
  | 'INVITATION_EMAIL_MISMATCH'
  | 'ALREADY_MEMBER'
  | 'ACCESS_GRANT_NOT_FOUND'
  | 'ACCESS_GRANT_INVALID'
  | 'ACCESS_GRANT_EXISTS'
  | 'LOGIN_THROTTLED';

export const identityError = defineErrors<IdentityErrorCode>({
  EMAIL_INVALID: { status: 400, en: 'This e-mail address is not valid.', zh: '邮箱地址无效。' },
  EMAIL_TAKEN: { status: 409, en: 'An account with this e-mail already exists.', zh: '该邮箱已注册。' },
  PASSWORD_TOO_WEAK: {
    status: 400,
    en: 'Use at least 10 characters and avoid common passwords.',
    zh: '密码至少 10 位，且不能是常见密码。',
  },
  CREDIT_CODE_INVALID: {
    status: 400,
    en: 'The unified social credit code is not valid (GB 32100-2015).',
    zh: '统一社会信用代码无效（GB 32100-2015）。',
  },
  CREDIT_CODE_TAKEN: {
    status: 409,
    en: 'An organization with this credit code is already registered.',
    zh: '该统一社会信用代码已被注册。',
  },
  REGION_CODE_INVALID: { status: 400, en: 'The region must be a 6-digit division code.', zh: '地区须为 6 位行政区划代码。' },
  INVALID_CREDENTIALS: { status: 401, en: 'E-mail or password is wrong.', zh: '邮箱或密码错误。' },
  ACCOUNT_DISABLED: { status: 403, en: 'This account is disabled.', zh: '该账号已停用。' },
  TOKEN_INVALID: { status: 401, en: 'The access token is invalid.', zh: '访问令牌无效。' },
  TOKEN_EXPIRED: { status: 401, en: 'The access token has expired; refresh it.', zh: '访问令牌已过期，请刷新。' },
  REFRESH_TOKEN_INVALID: { status: 401, en: 'The refresh token is invalid or expired.', zh: '刷新令牌无效或已过期。' },
  REFRESH_TOKEN_REUSED: {
    status: 401,
    en: 'This refresh token was already used; the session has been revoked. Sign in again.',
    zh: '刷新令牌被重复使用，会话已吊销，请重新登录。',
  },
  SESSION_REVOKED: { status: 401, en: 'This session has ended. Sign in again.', zh: '会话已结束，请重新登录。' },
  NOT_A_MEMBER: { status: 403, en: 'You are not a member of this organization.', zh: '您不是该机构的成员。' },
  ORGANIZATION_NOT_FOUND: { status: 404, en: 'Organization not found.', zh: '机构不存在。' },
  MEMBER_NOT_FOUND: { status: 404, en: 'Member not found.', zh: '成员不存在。' },
  ROLE_CHANGE_FORBIDDEN: {
    status: 403,
    en: 'Your role cannot make this change.',
    zh: '您的角色无权进行此变更。',
  },
  LAST_OWNER: {
    status: 409,
    en: 'An organization needs at least one owner.',
    zh: '机构至少需要一名所有者。',
  },
  INVITATION_NOT_FOUND: { status: 404, en: 'Invitation not found.', zh: '邀请不存在。' },
  INVITATION_PENDING: {
    status: 409,
    en: 'This e-mail already has a pending invitation.',
    zh: '该邮箱已有待接受的邀请。',
  },
  INVITATION_EXPIRED: { status: 410, en: 'This invitation has expired.', zh: '邀请已过期。' },
  INVITATION_USED: { status: 409, en: 'This invitation was already used or revoked.', zh: '邀请已被使用或撤销。' },
  INVITATION_EMAIL_MISMATCH: {
    status: 403,
    en: 'This invitation was sent to another e-mail address.',
    zh: '该邀请发送给了其他邮箱。',
  },
  ALREADY_MEMBER: { status: 409, en: 'Already a member of this organization.', zh: '已是该机构成员。' },
  ACCESS_GRANT_NOT_FOUND: { status: 404, en: 'Access grant not found.', zh: '授权不存在。' },
  ACCESS_GRANT_INVALID: {
    status: 422,
    en: 'Confidential access can be granted by a company to an investor or organizer organization.',
    zh: '只能由企业向投资或主办机构授予保密信息访问权限。',
  },
  ACCESS_GRANT_EXISTS: {
    status: 409,
    en: 'This organization already has active access.',
    zh: '该机构已拥有有效授权。',
  },
  LOGIN_THROTTLED: { status: 429, en: 'Too many attempts; try again later.', zh: '尝试次数过多，请稍后再试。' },
});
