import { checkOutcome, sharedOutcome, type OutcomeInput, type OutcomeSideRecord } from './outcome-rules';

const WAN = 1_000_000; // ¥10 000 in 分
const side = (input: OutcomeInput): OutcomeSideRecord => {
  const c = checkOutcome('meeting', input);
  if (!c.ok) throw new Error(JSON.stringify(c.problem));
  return { ...c.value, recordedByUserId: 'u', recordedAt: '2026-12-10T08:00:00.000Z' };
};
const problem = (input: OutcomeInput, subject: 'meeting' | 'deal' = 'meeting') => {
  const c = checkOutcome(subject, input);
  return c.ok ? null : c.problem;
};

describe('outcome validation', () => {
  it('takes 投贷联动 with both parts and sums them; a stated amount must equal the sum', () => {
    expect(
      side({ stage: 'signed', instrument: 'equity_loan_package', equityAmount: 300 * WAN, loanAmount: 200 * WAN })
        .terms,
    ).toEqual({
      instrument: 'equity_loan_package',
      amount: 500 * WAN,
      equityAmount: 300 * WAN,
      loanAmount: 200 * WAN,
    });
    expect(problem({ stage: 'signed', instrument: 'equity_loan_package', equityAmount: 300 * WAN })).toEqual({
      field: 'loanAmount',
      reason: 'required',
    });
    expect(
      problem({ stage: 'signed', instrument: 'equity_loan_package', amount: 1, equityAmount: 3, loanAmount: 2 }),
    ).toEqual({ field: 'amount', reason: 'not_sum_of_parts' });
  });

  it('wants an instrument and a positive integer amount in 分 from signed on, and only there', () => {
    expect(problem({ stage: 'signed' })).toEqual({ field: 'instrument', reason: 'required' });
    expect(problem({ stage: 'signed', instrument: 'equity' })).toEqual({ field: 'amount', reason: 'required' });
    expect(problem({ stage: 'signed', instrument: 'equity', amount: 0 })).toEqual({
      field: 'amount',
      reason: 'positive_integer_fen',
    });
    expect(problem({ stage: 'signed', instrument: 'equity', amount: 1.5 })).toEqual({
      field: 'amount',
      reason: 'positive_integer_fen',
    });
    expect(problem({ stage: 'signed', instrument: 'loan', amount: 5, loanAmount: 5 })).toEqual({
      field: 'loanAmount',
      reason: 'package_only',
    });
    expect(problem({ stage: 'interested', amount: 5 })).toEqual({ field: 'amount', reason: 'signed_only' });
    expect(side({ stage: 'signed', instrument: 'convertible_grant', amount: 50 * WAN }).terms?.instrument).toBe(
      'convertible_grant',
    );
  });

  it('disbursed needs the amount paid out, at most the signed amount', () => {
    expect(problem({ stage: 'disbursed', instrument: 'ip_pledge_loan', amount: 100 })).toEqual({
      field: 'disbursedAmount',
      reason: 'required',
    });
    expect(problem({ stage: 'disbursed', instrument: 'ip_pledge_loan', amount: 100, disbursedAmount: 101 })).toEqual({
      field: 'disbursedAmount',
      reason: 'exceeds_amount',
    });
    expect(
      side({ stage: 'disbursed', instrument: 'ip_pledge_loan', amount: 100, disbursedAmount: 60 }).disbursedAmount,
    ).toBe(60);
  });

  it('passed needs a structured reason (text for other); attendance is for meetings only', () => {
    expect(problem({ stage: 'passed' })).toEqual({ field: 'passReason.code', reason: 'required' });
    expect(problem({ stage: 'passed', passReason: { code: 'nope' } })).toEqual({
      field: 'passReason.code',
      reason: 'unknown',
    });
    expect(problem({ stage: 'passed', passReason: { code: 'other', text: ' ' } })).toEqual({
      field: 'passReason.text',
      reason: 'required',
    });
    expect(problem({ attendance: 'held' }, 'deal')).toEqual({ field: 'attendance', reason: 'meetings_only' });
    expect(problem({})).toEqual({ field: 'stage', reason: 'required' });
    expect(problem({ attendance: 'no_show', stage: 'interested' })).toEqual({
      field: 'stage',
      reason: 'no_show_meeting',
    });
  });
});

describe('the shared state', () => {
  const signed = side({ stage: 'signed', instrument: 'equity', amount: 100 * WAN });
  it('is one side’s record while only it recorded, unconfirmed', () => {
    expect(sharedOutcome(signed, null)).toMatchObject({ stage: 'signed', confirmed: false, terms: signed.terms });
    expect(sharedOutcome(null, null)).toMatchObject({ stage: null, confirmed: false });
  });
  it('is the lower stage when the sides disagree, confirmed when they agree on stage and terms', () => {
    const dd = side({ stage: 'due_diligence' });
    expect(sharedOutcome(signed, dd)).toMatchObject({ stage: 'due_diligence', confirmed: false, terms: null });
    expect(sharedOutcome(signed, side({ stage: 'signed', instrument: 'equity', amount: 100 * WAN }))).toMatchObject({
      stage: 'signed',
      confirmed: true,
    });
    expect(sharedOutcome(signed, side({ stage: 'signed', instrument: 'equity', amount: 90 * WAN })).confirmed).toBe(
      false,
    );
  });
  it('is passed when either side passes, with who passed and why', () => {
    const pass = side({ stage: 'passed', passReason: { code: 'valuation' } });
    expect(sharedOutcome(side({ stage: 'interested' }), pass)).toMatchObject({
      stage: 'passed',
      passedBy: 'founder',
      passReason: { code: 'valuation', text: null },
    });
  });
  it('reports a no-show when either side does', () => {
    expect(sharedOutcome(side({ attendance: 'held' }), side({ attendance: 'no_show' })).attendance).toBe('no_show');
    expect(sharedOutcome(side({ attendance: 'held' }), null).attendance).toBe('held');
  });
});
