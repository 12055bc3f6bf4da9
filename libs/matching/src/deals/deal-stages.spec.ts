import {
  canTransition,
  DEAL_STAGES,
  ENGAGED_STAGES,
  nextStages,
  OPEN_FLOW,
  PASS_REASON_LABELS,
  PASS_REASONS,
  type DealStage,
} from './deal-stages';

describe('deal stages (state machine)', () => {
  it('moves one step forward along the open flow', () => {
    for (let i = 0; i < OPEN_FLOW.length - 1; i++) {
      expect(canTransition(OPEN_FLOW[i], OPEN_FLOW[i + 1])).toBe(true);
    }
  });

  it('never skips, goes backwards or stays put', () => {
    for (const from of DEAL_STAGES) {
      for (const to of DEAL_STAGES) {
        const i = OPEN_FLOW.indexOf(from);
        const j = OPEN_FLOW.indexOf(to);
        if (i >= 0 && j >= 0 && j !== i + 1) expect(canTransition(from, to)).toBe(false);
      }
      expect(canTransition(from, from)).toBe(false);
    }
    expect(canTransition('new', 'contacted')).toBe(false);
    expect(canTransition('meeting', 'contacted')).toBe(false);
  });

  it('passes from every open stage before signing, never once money is committed', () => {
    const passable: DealStage[] = ['new', 'shortlisted', 'contacted', 'meeting', 'due_diligence', 'term_sheet'];
    for (const s of passable) expect(canTransition(s, 'passed')).toBe(true);
    expect(canTransition('signed', 'passed')).toBe(false);
    expect(canTransition('disbursed', 'passed')).toBe(false);
  });

  it('revisits a passed deal only through shortlisted', () => {
    expect(nextStages('passed')).toEqual(['shortlisted']);
    expect(canTransition('passed', 'new')).toBe(false);
    expect(canTransition('passed', 'meeting')).toBe(false);
  });

  it('lists exactly the allowed next stages (quoted in 409 details)', () => {
    expect(nextStages('new')).toEqual(['shortlisted', 'passed']);
    expect(nextStages('term_sheet')).toEqual(['signed', 'passed']);
    expect(nextStages('signed')).toEqual(['disbursed']);
    expect(nextStages('disbursed')).toEqual([]);
  });

  it('has a zh and en label for every pass reason, and engaged stages are meeting and beyond', () => {
    for (const code of PASS_REASONS) {
      expect(PASS_REASON_LABELS[code].zh.length).toBeGreaterThan(0);
      expect(PASS_REASON_LABELS[code].en.length).toBeGreaterThan(0);
    }
    expect(ENGAGED_STAGES).toEqual(OPEN_FLOW.slice(OPEN_FLOW.indexOf('meeting')));
    expect(ENGAGED_STAGES).not.toContain('passed');
  });
});
