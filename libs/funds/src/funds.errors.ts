import { defineErrors } from '@app/platform';

export type FundsErrorCode =
  | 'MANDATE_NOT_FOUND'
  | 'MANDATE_INVALID'
  | 'MANDATE_ORG_KIND_INVALID'
  | 'MANDATE_VERSION_CONFLICT'
  | 'MANDATE_LINK_INVALID';

export const fundsError = defineErrors<FundsErrorCode>({
  MANDATE_NOT_FOUND: { status: 404, en: 'Mandate not found.', zh: '投资策略不存在。' },
  MANDATE_INVALID: {
    status: 422,
    en: 'These mandate terms contradict each other; see details.problems.',
    zh: '投资策略条件相互矛盾，详见 details.problems。',
  },
  MANDATE_ORG_KIND_INVALID: {
    status: 403,
    en: 'Only fund and bank organizations keep mandates.',
    zh: '只有投资机构或银行可以维护投资策略。',
  },
  MANDATE_VERSION_CONFLICT: {
    status: 409,
    en: 'Someone changed this mandate in the meantime; reload and apply your edit again.',
    zh: '投资策略已被他人修改，请刷新后重新编辑。',
  },
  MANDATE_LINK_INVALID: {
    status: 422,
    en: 'A 投贷联动 mandate links an active credit product of another (bank) organization.',
    zh: '投贷联动策略须关联其他银行机构的有效信贷产品。',
  },
});
