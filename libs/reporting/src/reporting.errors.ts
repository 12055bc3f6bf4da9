import { defineErrors } from '@app/platform';

export type ReportingErrorCode = 'REPORT_PERIOD_INVALID';

export const reportingError = defineErrors<ReportingErrorCode>({
  REPORT_PERIOD_INVALID: {
    status: 422,
    en: 'The report period is invalid.',
    zh: '报表期间无效。',
  },
});
