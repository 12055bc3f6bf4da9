import { isCalendarDate, isInstant } from './date-rules';

describe('date rules', () => {
  it('a calendar date is a real day', () => {
    expect(['2024-02-29', '2023-12-31', '2000-02-29'].map(isCalendarDate)).toEqual([true, true, true]);
    expect(
      [
        '2023-02-29',
        '2023-02-30',
        '1900-02-29',
        '2023-13-01',
        '2023-00-10',
        '2023-2-3',
        '2023-02-01T00:00:00Z',
        '',
      ].map(isCalendarDate),
    ).toEqual([false, false, false, false, false, false, false, false]);
  });

  it('an instant has a real day, a real time and an explicit zone', () => {
    expect(['2026-12-10T01:00:00.000Z', '2026-12-10T09:30+08:00', '2026-12-10T09:30:15-14:00'].map(isInstant)).toEqual([
      true,
      true,
      true,
    ]);
    expect(
      [
        '2023-02-30T10:00:00Z',
        '2023-01-01T25:00:00Z',
        '2023-01-01T10:60:00Z',
        '2023-06-01T10:00:00+25:00',
        '2023-06-01T10:00:00+14:30',
        '2023-06-01 10:00',
        '2023-06-01T10:00:00',
        '2023-06-01',
      ].map(isInstant),
    ).toEqual([false, false, false, false, false, false, false, false]);
  });
});
