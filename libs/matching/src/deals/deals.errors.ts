import { defineErrors } from '@app/platform';

export type DealsErrorCode =
  | 'DEAL_NOT_FOUND'
  | 'DEAL_ORG_KIND_INVALID'
  | 'DEAL_TRANSITION_INVALID'
  | 'DEAL_EXISTS'
  | 'DEAL_VERSION_CONFLICT'
  | 'DEAL_FIELD_NOT_ALLOWED'
  | 'PASS_REASON_REQUIRED'
  | 'PASS_REASON_TEXT_REQUIRED'
  | 'PROJECT_NOT_DEALABLE';

export const dealsError = defineErrors<DealsErrorCode>({
  DEAL_NOT_FOUND: { status: 404, en: 'Deal not found.', zh: '项目跟进记录不存在。' },
  DEAL_ORG_KIND_INVALID: {
    status: 403,
    en: 'Only fund and bank organizations keep a deal pipeline.',
    zh: '只有投资机构或银行可以维护项目跟进管道。',
  },
  DEAL_TRANSITION_INVALID: {
    status: 409,
    en: 'This deal cannot move to that stage from its current one; see details.allowed.',
    zh: '该项目无法从当前阶段转入目标阶段，可选阶段见 details.allowed。',
  },
  DEAL_EXISTS: {
    status: 409,
    en: 'Your organization already tracks this project; see details.dealId.',
    zh: '贵机构已在跟进该项目，见 details.dealId。',
  },
  DEAL_VERSION_CONFLICT: {
    status: 409,
    en: 'Someone moved this deal in the meantime; reload and try again.',
    zh: '该项目的阶段已被他人更新，请刷新后重试。',
  },
  DEAL_FIELD_NOT_ALLOWED: {
    status: 422,
    en: 'This field does not apply to this transition; see details.field and details.reason.',
    zh: '该字段不适用于此次阶段变更，详见 details.field 与 details.reason。',
  },
  PASS_REASON_REQUIRED: {
    status: 422,
    en: 'Passing on a deal needs a structured reason.',
    zh: '放弃项目时须选择原因。',
  },
  PASS_REASON_TEXT_REQUIRED: {
    status: 422,
    en: 'The reason “other” needs an explanation.',
    zh: '选择“其他”原因时须填写说明。',
  },
  PROJECT_NOT_DEALABLE: {
    status: 422,
    en: 'Deals can only be opened on published projects of other organizations.',
    zh: '只能对其他机构已发布的项目发起跟进。',
  },
});
