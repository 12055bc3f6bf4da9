import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { renderWithProviders } from '../test/render';
import { OutcomePanel, sharedState, toRecordBody, type Outcome, type OutcomeSide } from './OutcomeDrawer';

const side = (over: Partial<OutcomeSide>): OutcomeSide => ({
  stage: null, attendance: null, terms: null, disbursedAmount: null, passReason: null, note: null,
  recordedByUserId: 'u1', recordedAt: '2026-11-20T08:00:00.000Z', revision: 1, ...over,
});
const signed500 = side({ stage: 'signed', terms: { instrument: 'equity', amount: 500_000_000, equityAmount: null, loanAmount: null } });

const outcome = (over: Partial<Outcome>): Outcome => ({
  subjectType: 'deal', subjectId: 'd1', eventId: null, projectId: 'p1', investorOrganizationId: 'oi', founderOrganizationId: 'of',
  yourSide: 'founder', investor: null, founder: null,
  shared: { stage: null, confirmed: false, attendance: null, terms: null, disbursedAmount: null, passReason: null, passedBy: null },
  updatedAt: null, version: 0, ...over,
});

describe('toRecordBody', () => {
  it('sends 万元 as integer 分, and only the fields the stage takes', () => {
    expect(toRecordBody({ stage: 'signed', instrument: 'loan', amountWan: 1234.5, disbursedWan: 3, passCode: 'team' }, 'deal')).toEqual({
      stage: 'signed', instrument: 'loan', amount: 1_234_500_000,
    });
    expect(toRecordBody({ stage: 'disbursed', instrument: 'equity_loan_package', equityWan: 300, loanWan: 200.5, disbursedWan: 0.01 }, 'deal')).toEqual({
      stage: 'disbursed', instrument: 'equity_loan_package', equityAmount: 300_000_000, loanAmount: 200_500_000, disbursedAmount: 10_000,
    });
    expect(toRecordBody({ stage: null, attendance: 'held', note: '  谈得不错 ' }, 'meeting')).toEqual({ stage: null, attendance: 'held', note: '谈得不错' });
    expect(toRecordBody({ stage: 'passed', attendance: 'held', passCode: 'valuation', passText: ' ' }, 'deal')).toEqual({
      stage: 'passed', passReason: { code: 'valuation', text: null },
    });
  });
});

describe('sharedState', () => {
  it('ended by a pass, confirmed, pending the other side, or differing', () => {
    const base = outcome({}).shared;
    expect(sharedState(outcome({}))).toBe('none');
    expect(sharedState(outcome({ investor: signed500, shared: { ...base, stage: 'signed' } }))).toBe('pending');
    expect(sharedState(outcome({ investor: signed500, founder: signed500, shared: { ...base, stage: 'signed', confirmed: true } }))).toBe('confirmed');
    expect(sharedState(outcome({ investor: signed500, founder: side({ stage: 'term_sheet' }), shared: { ...base, stage: 'term_sheet' } }))).toBe('differs');
    expect(sharedState(outcome({ investor: signed500, founder: side({ stage: 'passed' }), shared: { ...base, stage: 'passed', passedBy: 'founder' } }))).toBe('passed');
  });
});

describe('<OutcomePanel>', () => {
  it('shows both sides and the shared state, and saves the founder’s signed amount in 分', async () => {
    const onSubmit = vi.fn();
    const o = outcome({
      investor: signed500,
      shared: { ...outcome({}).shared, stage: 'signed', terms: signed500.terms },
    });
    await renderWithProviders(<OutcomePanel outcome={o} onSubmit={onSubmit} />);
    expect(screen.getByTestId('outcome-state').textContent).toBe('待对方确认');
    expect(within(screen.getByTestId('outcome-side-investor')).getByText(/500 万元/)).toBeTruthy();
    expect(within(screen.getByTestId('outcome-side-founder')).getByText('尚未记录')).toBeTruthy();
    expect(within(screen.getByTestId('outcome-side-founder')).getByText(/我方/, { selector: '.ant-card-head-title' })).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: '已签约' }));
    fireEvent.mouseDown(await screen.findByRole('combobox'));
    fireEvent.click(await screen.findByTitle('债权融资'));
    fireEvent.change(await screen.findByTestId('outcome-amountWan'), { target: { value: '1234.5' } });
    fireEvent.click(screen.getByTestId('outcome-save'));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    // The founder's side had no record yet: revision 0.
    expect(onSubmit).toHaveBeenCalledWith({ stage: 'signed', instrument: 'loan', amount: 1_234_500_000, expectedRevision: 0 });
  });

  it('labels a pass in English and shows a coded API error under its field', async () => {
    const o = outcome({
      yourSide: 'investor',
      investor: side({ stage: 'disbursed', terms: signed500.terms, disbursedAmount: 100_000_000 }),
      founder: side({ stage: 'passed', passReason: { code: 'valuation', text: null } }),
      shared: { ...outcome({}).shared, stage: 'passed', passReason: { code: 'valuation', text: null }, passedBy: 'founder' },
    });
    const error = new ApiError(422, 'OUTCOME_INVALID', 'The disbursed amount exceeds the signed amount.', { field: 'disbursedAmount', reason: 'exceeds_amount' });
    // The error arrives after a save, like in the drawer: the panel is already on screen.
    function Harness() {
      const [err, setErr] = useState<unknown>(null);
      return <OutcomePanel outcome={o} onSubmit={() => setErr(error)} error={err} />;
    }
    await renderWithProviders(<Harness />, 'en');
    expect(screen.getByTestId('outcome-state').textContent).toBe('Ended (Company passed)');
    expect(within(screen.getByTestId('outcome-side-founder')).getByText('Valuation')).toBeTruthy();
    expect(((await screen.findByTestId('outcome-disbursedWan')) as HTMLInputElement).value).toBe('100');
    fireEvent.click(screen.getByTestId('outcome-save'));
    expect(within(await screen.findByTestId('outcome-error')).getByText('The disbursed amount exceeds the signed amount.')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByText('The disbursed amount exceeds the signed amount.')).toHaveLength(2));
  });

  it('sends the revision it read; a colleague’s newer save shows with the conflict banner, on no field', async () => {
    const mine = side({ stage: 'interested', note: 'mine', revision: 3 });
    const theirs = side({ stage: 'due_diligence', note: 'colleague', revision: 4 });
    const conflict = new ApiError(409, 'OUTCOME_VERSION_CONFLICT', 'Your side of this outcome was recorded again since you opened it.', {
      field: 'expectedRevision', currentRevision: 4,
    });
    const sent: unknown[] = [];
    function Harness() {
      const [state, setState] = useState<{ o: Outcome; err: unknown }>({ o: outcome({ yourSide: 'investor', investor: mine }), err: null });
      return (
        <OutcomePanel
          outcome={state.o}
          // The drawer refetches after a conflict: here the newer record arrives with the error.
          onSubmit={(b) => { sent.push(b); setState({ o: outcome({ yourSide: 'investor', investor: theirs }), err: conflict }); }}
          error={state.err}
        />
      );
    }
    await renderWithProviders(<Harness />, 'en');
    fireEvent.click(screen.getByTestId('outcome-save'));
    expect(await screen.findByTestId('outcome-error')).toBeTruthy();
    expect(sent).toEqual([{ stage: 'interested', note: 'mine', expectedRevision: 3 }]);
    expect(screen.getAllByText('Your side of this outcome was recorded again since you opened it.')).toHaveLength(1);
    await waitFor(() => expect((screen.getByDisplayValue('colleague') as HTMLTextAreaElement).value).toBe('colleague'));
  });
});
