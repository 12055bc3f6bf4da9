import { dealEntry, feedbackEntry, portfolioEntry, type HistoryFacts } from './history';
import { mapHeaders, parseAmountFen, parsePortfolioRow } from './portfolio-import';
import { suggestedMandate } from './suggested-mandate';

const WAN = 1_000_000;
const facts = (over: Partial<HistoryFacts> = {}): HistoryFacts => ({
  label: '星航智农',
  stage: 'seed',
  tracks: ['quantum'],
  amount: 300 * WAN,
  regionCode: '340104',
  keywords: [],
  qualifications: null,
  ...over,
});

describe('portfolio import rows', () => {
  const { columns } = mapHeaders(['公司名称', '投资日期', '轮次', '投资金额（元）', '赛道', '地区代码', '关键词']);

  it('reads amounts in 元 or 万 exactly, and refuses anything else', () => {
    expect(parseAmountFen('1,234.56')).toBe(123_456);
    expect(parseAmountFen('500万')).toBe(500 * WAN);
    expect(parseAmountFen('0.5万元')).toBe(WAN / 2);
    expect(parseAmountFen('3000000元')).toBe(300 * WAN);
    expect(parseAmountFen('1.234')).toBeNull();
    expect(parseAmountFen('-5')).toBeNull();
    expect(parseAmountFen('三百万')).toBeNull();
  });

  it('maps rounds, tracks by label or code, pads a province or city prefix, and lowercases keywords', () => {
    const { row, errors } = parsePortfolioRow(
      2,
      {
        公司名称: ' 泰星微电子 ',
        投资日期: new Date(Date.UTC(2023, 10, 2)),
        轮次: 'Pre-A轮',
        '投资金额（元）': 2_500_000,
        赛道: '量子科技、robotics',
        地区代码: '32',
        关键词: 'SiC；功率器件',
      },
      columns,
    );
    expect(errors).toEqual([]);
    expect(row).toEqual({
      sourceRow: 2,
      companyName: '泰星微电子',
      investedOn: '2023-11-02',
      round: 'pre_a',
      amount: 250 * WAN,
      tracks: ['quantum', 'robotics'],
      regionCode: '320000',
      keywords: ['sic', '功率器件'],
    });
  });

  it('a cell holding U+0000 is NUL_CHARACTER, shown with U+FFFD', () => {
    const { row, errors } = parsePortfolioRow(3, { 公司名称: 'a\u0000b' }, columns);
    expect(row).toBeNull();
    expect(errors).toEqual([{ row: 3, column: '公司名称', value: 'a\uFFFDb', code: 'NUL_CHARACTER' }]);
  });

  it('too many keywords is one error on the keyword cell', () => {
    const { errors } = parsePortfolioRow(4, { 公司名称: 'x', 关键词: 'a,b,c,d,e,f,g,h,i' }, columns);
    expect(errors.map((e) => e.code)).toEqual(['TOO_MANY_KEYWORDS']);
  });
});

describe('history entries from decisions', () => {
  it('weighs deals by how far they got, passes by what their reason is about', () => {
    expect(dealEntry(facts(), 'new', null)).toBeNull();
    expect(dealEntry(facts(), 'signed', null)).toMatchObject({ polarity: 1, weight: 1, source: 'deal' });
    expect(dealEntry(facts(), 'shortlisted', null)).toMatchObject({ polarity: 1, weight: 0.3 });
    expect(dealEntry(facts(), 'passed', 'off_thesis_ticket')).toMatchObject({
      polarity: -1,
      weight: 1,
      aspects: ['amount'],
    });
    expect(dealEntry(facts(), 'passed', 'valuation')).toMatchObject({ polarity: -1, weight: 0.25, aspects: [] });
    expect(feedbackEntry(facts(), 'not_for_us')).toMatchObject({ polarity: -1, weight: 1, source: 'feedback' });
    expect(feedbackEntry(facts(), 'more_like_this')).toMatchObject({ polarity: 1, weight: 0.6 });
    expect(portfolioEntry(facts())).toMatchObject({ polarity: 1, weight: 1, source: 'portfolio' });
  });
});

describe('suggested mandate', () => {
  const written = {
    stages: ['seed'],
    tracks: ['robotics'],
    regions: ['32'],
    ticketMin: 100 * WAN,
    ticketMax: 500 * WAN,
  };

  it('lists what the positives funded beside the written terms, and says what differs', () => {
    const history = [
      portfolioEntry(facts({ amount: 800 * WAN })),
      portfolioEntry(facts({ stage: 'angel', amount: 1_200 * WAN })),
      dealEntry(facts({ tracks: ['robotics'], regionCode: '320214', amount: 400 * WAN }), 'signed', null)!,
      dealEntry(facts({ tracks: ['fintech'], regionCode: '110105' }), 'passed', 'off_thesis_track')!,
    ];
    const s = suggestedMandate(history, written);
    expect(s.basis).toEqual({ positives: 3, weight: 3, deals: 1, marks: 0, imported: 2 });
    expect(s.stages).toEqual([
      { value: 'seed', share: 0.6667, written: true },
      { value: 'angel', share: 0.3333, written: false },
    ]);
    expect(s.tracks).toEqual([
      { value: 'quantum', share: 0.6667, written: false },
      { value: 'robotics', share: 0.3333, written: true },
    ]);
    expect(s.regions).toEqual([
      { value: '34', share: 0.6667, written: false },
      { value: '32', share: 0.3333, written: true },
    ]);
    expect(s.ticket).toEqual({ min: 400 * WAN, max: 1_200 * WAN, median: 800 * WAN, amounts: 3 });
    expect(s.differences.map((d) => d.en)).toEqual([
      'You also invest at angel (33 %), which the mandate does not name',
      'You also invest in Quantum technology (67 %), which the mandate does not name',
      'You also invest in regions 34 (67 %)',
      'Your tickets run ¥4 m–¥12 m (median ¥8 m); the mandate says ¥1 m–¥5 m',
    ]);
  });

  it('without history it suggests nothing and finds no difference', () => {
    const s = suggestedMandate([], written);
    expect(s).toMatchObject({ stages: [], tracks: [], regions: [], ticket: null, differences: [] });
  });
});
