import type orgZh from './organizer.zh';

/** Programme report, bulk imports (startups, portfolio) and the region picker. */
const orgEn: typeof orgZh = {
  orgNav: { programme: 'Programme report', imports: 'Bulk import', portfolio: 'Portfolio' },
  region: {
    placeholder: 'Province / city / district', notFound: 'No matching region', label: 'Region', seat: 'Region',
    seatHint: 'Pick down to the district; search by name or 6-digit division code', mandateHint: 'Provinces, cities or districts; a province includes everything in it. Search by name or code.',
  },
  programme: {
    title: 'Programme report', intro: 'All of your roadshows in the period: organizations reached, accepted projects by track, deals and amounts, follow-ups and the conversion funnel.',
    period: 'Period', generatedAt: 'Generated {{time}}', export: 'Export to Excel',
    preset: { quarter: 'This quarter', year: 'This year', last12: 'Last 12 months' },
    events: 'Roadshows', sessionsHeld: 'Sessions held', organizations: 'Organizations reached', organizationsSplit: 'Companies {{f}} · investors {{i}}',
    signed: 'Deals signed', signedAmount: 'Amount signed', disbursed: 'Disbursed', onTimeRate: 'Follow-ups on time',
    funnelTitle: 'Conversion funnel (all events)', tracksTitle: 'Accepted projects by track', dealsTitle: 'Amount signed by instrument', perEventTitle: 'Events',
    perEventChart: 'Per event: accepted, meetings held, deals signed', noEvents: 'No published roadshow in this period', noEventsHint: 'Pick another period, or create and publish a roadshow first.',
    noDeals: 'No deal signed in this period', openTrack: 'Open sessions (any track)',
    col: { title: 'Event', startsAt: 'Date', applications: 'Applied', accepted: 'Accepted', pitched: 'Pitched', meetingsHeld: 'Meetings held', signed: 'Signed', signedAmount: 'Amount signed' },
    followUps: 'Follow-ups', late: 'Late', open: 'Not yet due', total: 'Total',
  },
  imports: {
    title: 'Bulk import of companies', intro: 'Import many companies with their yearly figures from Excel or CSV: check first, with every problem listed cell by cell; import once the file is clean (companies are matched by credit code, so importing again is safe).',
    template: 'Download template', step: { choose: 'Choose file', check: 'Check', done: 'Done' },
    drop: 'Click or drag a file here', dropHint: '.xlsx or .csv, headers in the first row, up to {{mb}} MB',
    checking: 'Checking {{name}} …', rechoose: 'Choose another file',
    summary: '{{total}} rows, {{valid}} passed the check', summaryCompanies: '{{n}} companies',
    hasErrors: '{{count}} problems found. Fix them in the file and upload it again; a file with problems imports nothing.',
    truncated: 'Many problems: the first {{count}} are listed.',
    allGood: 'The file passed the check and can be imported.', commit: 'Import {{count}} rows', committing: 'Importing…',
    doneTitle: 'Import complete', doneStartups: '{{count}} companies imported or updated', donePortfolio: 'Your portfolio now holds {{count}} investments (this file replaced it)',
    queued: 'A large file: the import continues in the background', progress: '{{done}} of {{total}} rows processed', failed: 'The import failed: {{reason}}',
    rows: 'Rows', validRows: 'Passed', companies: 'Companies', problems: 'Problems',
    again: 'Import another file', columns: 'Template columns', fileInvalid: 'The file cannot be read',
    errors: { rowN: 'Row {{row}}', title: 'Problems', row: 'Row', column: 'Column', value: 'Cell', problem: 'Problem', empty: '(empty)', filterColumn: 'Filter by column' },
    code: {
      REQUIRED: 'A required value is missing', NUL_CHARACTER: 'Contains an invisible NUL character', TOO_LONG: 'Longer than allowed', NOT_A_DATE: 'Not a date; write YYYY-MM-DD',
      REGION_CODE_INVALID: 'Not a valid region code (e.g. 320211)', CREDIT_CODE_INVALID: 'Invalid credit code (18 characters with a correct check character)',
      NOT_A_YEAR: 'Not a year (e.g. 2025)', NOT_A_COUNT: 'Must be a whole number, 0 or more', NOT_MONEY: 'Not an amount (yuan, at most two decimals)',
      NOT_YES_NO: 'Write 是 (yes) or 否 (no)', TRACK_UNKNOWN: 'Unknown track name', INDUSTRY_UNKNOWN: 'Unknown industry',
      FIGURES_CONTRADICT: 'Contradicts another figure in the row (e.g. more R&D staff than employees)', DUPLICATE_ROW: 'Repeats an earlier row',
      HEADER_MISSING: 'This column header is missing', CREDIT_CODE_OWNED_ELSEWHERE: 'Another organization manages the company with this credit code',
      ROUND_UNKNOWN: 'Unknown round (e.g. 天使轮, A轮, seed)', TOO_MANY_KEYWORDS: 'Too many keywords (at most 8)', TOO_MANY_ROWS: 'Too many rows (at most 5,000)',
      unknown: 'Invalid value ({{code}})',
    },
  },
  portfolio: {
    title: 'Portfolio', intro: 'Import your past investments (only your organization sees them): they feed the portfolio fit of deal flow and the “what you actually do” mandate. Importing again replaces the portfolio.',
    importTitle: 'Import portfolio', listTitle: 'Imported investments', empty: 'No portfolio imported yet', emptyHint: 'Prepare a file with these headers: 公司名称, 投资日期, 轮次, 投资金额（元）, 赛道, 地区代码, 关键词 (or company, date, round, amount, track, region, keywords).',
    col: { company: 'Company', investedOn: 'Invested on', round: 'Round', amount: 'Amount', tracks: 'Tracks', region: 'Region', keywords: 'Keywords' },
  },
};

export default orgEn;
