import { chineseDaysNotices } from './holiday-calendar';
import { addWorkingDays, isWorkingDay, workingDaysBetween, type HolidayData } from './working-days';

/** The package data as the table holds it (the port's data), so the pins check what production uses. */
function packageData(): HolidayData {
  const { years } = chineseDaysNotices();
  const special = new Map<string, 'holiday' | 'workday'>();
  for (const days of years.values()) for (const d of days) special.set(d.date, d.kind);
  return { coveredYears: new Set(years.keys()), special };
}

describe('Chinese working days (chinese-days data, State Council notice of 2025-11-04)', () => {
  const data = packageData();
  const off = (d: string) => expect([d, isWorkingDay(d, data).working]).toEqual([d, false]);
  const on = (d: string) => expect([d, isWorkingDay(d, data).working]).toEqual([d, true]);

  it('pins every 2026 special day', () => {
    const days = chineseDaysNotices().years.get(2026)!;
    const holidays = days.filter((d) => d.kind === 'holiday').map((d) => d.date);
    const workdays = days.filter((d) => d.kind === 'workday').map((d) => d.date);
    expect(holidays).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
      '2026-04-04',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
      '2026-05-04',
      '2026-05-05',
      '2026-06-19',
      '2026-06-20',
      '2026-06-21',
      '2026-09-25',
      '2026-09-26',
      '2026-09-27',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    expect(workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    for (const d of holidays) off(d);
    for (const d of workdays) on(d);
  });

  it('春节 2026: 02-15..02-23 off, Saturdays 02-14 and 02-28 worked', () => {
    on('2026-02-13'); // Friday
    on('2026-02-14'); // Saturday, make-up
    for (let day = 15; day <= 23; day++) off(`2026-02-${day}`);
    on('2026-02-24');
    on('2026-02-28'); // Saturday, make-up
    off('2026-03-01'); // plain Sunday
  });

  it('国庆 2026: 10-01..10-07 off, Sunday 09-20 and Saturday 10-10 worked', () => {
    on('2026-09-20');
    for (let day = 1; day <= 7; day++) off(`2026-10-0${day}`);
    on('2026-10-08');
    on('2026-10-10');
    off('2026-10-11');
  });

  it('counts 4 working days across 春节 with the make-up Saturdays', () => {
    // Meeting on Friday 02-13: 02-14 (Sat, worked) is day 1, then 02-24, 02-25, 02-26.
    expect(addWorkingDays('2026-02-13', 4, data)).toEqual({
      date: '2026-02-26',
      provisional: false,
      uncoveredYears: [],
    });
    // Meeting Thursday 02-12: 02-13, 02-14, 02-24, 02-25.
    expect(addWorkingDays('2026-02-12', 4, data).date).toBe('2026-02-25');
    // From 02-24 (Tue): 25, 26, 27, 28 (Sat, make-up).
    expect(addWorkingDays('2026-02-24', 4, data).date).toBe('2026-02-28');
    expect(workingDaysBetween('2026-02-13', '2026-02-26', data)).toBe(4);
  });

  it('counts 4 working days across 国庆 with 09-20 and 10-10 worked', () => {
    // Friday 09-18: 09-20 (Sun, make-up), 21, 22, 23.
    expect(addWorkingDays('2026-09-18', 4, data).date).toBe('2026-09-23');
    // Tuesday 09-29: 09-30, 10-08, 10-09, 10-10 (Sat, make-up).
    expect(addWorkingDays('2026-09-29', 4, data).date).toBe('2026-10-10');
    // Wednesday 09-30: 10-08, 10-09, 10-10, 10-12.
    expect(addWorkingDays('2026-09-30', 4, data).date).toBe('2026-10-12');
    // Thursday 09-24: 中秋 09-25 off, then 09-28, 09-29, 09-30, 10-08.
    expect(addWorkingDays('2026-09-24', 4, data).date).toBe('2026-10-08');
  });

  it('never computes silently in a year without a notice (2027): the result is provisional', () => {
    expect(data.coveredYears.has(2027)).toBe(false);
    const r = addWorkingDays('2026-12-29', 4, data);
    expect(r).toEqual({ date: '2027-01-04', provisional: true, uncoveredYears: [2027] });
    // chinese-days itself would call 2027-10-01 a working day; the port reports it as uncovered.
    expect(isWorkingDay('2027-10-01', data)).toEqual({ working: true, covered: false });
    expect(addWorkingDays('2026-12-21', 4, data).provisional).toBe(false);
  });

  it('rejects nonsense', () => {
    expect(() => addWorkingDays('2026-02-30', 1, data)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-01', 0, data)).toThrow(RangeError);
  });
});
