import { defineErrors } from '@app/platform';

export type PortfolioErrorCode =
  | 'PORTFOLIO_FILE_INVALID'
  | 'PORTFOLIO_FILE_TOO_LARGE'
  | 'PORTFOLIO_IMPORT_HAS_ERRORS'
  | 'DEAL_FLOW_FEEDBACK_NOT_FOUND';

export const portfolioError = defineErrors<PortfolioErrorCode>({
  PORTFOLIO_FILE_INVALID: {
    status: 400,
    en: 'The portfolio file must be an .xlsx or a UTF-8 .csv with a header row; see details.reason.',
    zh: '投资组合文件须为带表头的 .xlsx 或 UTF-8 编码的 .csv，详见 details.reason。',
  },
  PORTFOLIO_FILE_TOO_LARGE: {
    status: 413,
    en: 'The portfolio file is too large; see details.maxBytes.',
    zh: '投资组合文件过大，上限见 details.maxBytes。',
  },
  PORTFOLIO_IMPORT_HAS_ERRORS: {
    status: 422,
    en: 'The file has errors; nothing was imported. Every error is in details.report.errors.',
    zh: '文件有错误，未导入任何记录。全部错误见 details.report.errors。',
  },
  DEAL_FLOW_FEEDBACK_NOT_FOUND: {
    status: 404,
    en: 'There is no mark on this deal-flow item.',
    zh: '该项目没有标记。',
  },
});
