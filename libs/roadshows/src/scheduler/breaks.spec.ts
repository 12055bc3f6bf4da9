import { countBreaks } from './breaks';

const oneSession = [{ start: 0, end: 10 }];
const twoSessions = [
  { start: 0, end: 5 },
  { start: 5, end: 10 },
];

describe('countBreaks', () => {
  it('counts back-to-back meetings as no break', () => {
    expect(countBreaks([2, 3, 4], oneSession)).toBe(0);
  });
  it('counts a 3-slot gap as one break', () => {
    expect(countBreaks([1, 5], oneSession)).toBe(1);
  });
  it('counts each idle run between two meetings', () => {
    expect(countBreaks([0, 2, 3, 6, 9], oneSession)).toBe(3);
  });
  it('leaves idle time before the first and after the last meeting free', () => {
    expect(countBreaks([4, 5], oneSession)).toBe(0);
    expect(countBreaks([], oneSession)).toBe(0);
    expect(countBreaks([7], oneSession)).toBe(0);
  });
  it('does not count the lunch gap between sessions', () => {
    expect(countBreaks([3, 4, 5, 6], twoSessions)).toBe(0);
    expect(countBreaks([2, 8], twoSessions)).toBe(0);
  });
  it('counts breaks within each session', () => {
    expect(countBreaks([0, 2, 6, 9], twoSessions)).toBe(2);
  });
  it('ignores input order', () => {
    expect(countBreaks([9, 0, 2], oneSession)).toBe(2);
  });
});
