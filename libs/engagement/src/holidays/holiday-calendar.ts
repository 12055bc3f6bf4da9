import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '@app/platform';
import { HolidayDayEntity, HolidayYearEntity, type HolidayDayKind } from '../entities/holiday.entity';
import { addWorkingDays, isWorkingDay, type HolidayData, type WorkingDayResult } from './working-days';

/** The Chinese working-day calendar: which days are worked, and which years are known. */
export abstract class HolidayCalendar {
  abstract data(): Promise<HolidayData>;

  async addWorkingDays(start: string, n: number): Promise<WorkingDayResult> {
    return addWorkingDays(start, n, await this.data());
  }

  async isWorkingDay(date: string): Promise<{ working: boolean; covered: boolean }> {
    return isWorkingDay(date, await this.data());
  }
}

export interface HolidayNoticeDay {
  date: string;
  kind: HolidayDayKind;
  name: string;
}

interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** The package's data, by year (only years it has a notice for: it has none for 2027). */
export function chineseDaysNotices(): { source: string; years: Map<number, HolidayNoticeDay[]> } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const raw = require('chinese-days/dist/chinese-days.json') as PackageData;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const version = (require('chinese-days/package.json') as { version: string }).version;
  const years = new Map<number, HolidayNoticeDay[]>();
  const add = (date: string, kind: HolidayDayKind, label: string) => {
    const year = Number(date.slice(0, 4));
    const name = label.split(',')[1] ?? label;
    if (!years.has(year)) years.set(year, []);
    years.get(year)!.push({ date, kind, name });
  };
  for (const [date, label] of Object.entries(raw.holidays)) add(date, 'holiday', label);
  for (const [date, label] of Object.entries(raw.workdays)) add(date, 'workday', label);
  for (const days of years.values()) days.sort((a, b) => a.date.localeCompare(b.date));
  return { source: `chinese-days@${version}`, years };
}

const CACHE_MS = 30_000;

/**
 * The calendar over `holiday_days` / `holiday_years`. At boot, years the `chinese-days` package has
 * and the table lacks are loaded (a year entered by a platform admin is never overwritten); a
 * platform admin enters next year's notice through `replaceYear` without a deploy.
 */
@Injectable()
export class PostgresHolidayCalendar extends HolidayCalendar implements OnApplicationBootstrap {
  private readonly logger = new Logger(PostgresHolidayCalendar.name);
  private cache: { at: number; data: HolidayData } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.seedFromPackage();
  }

  async seedFromPackage(): Promise<number[]> {
    const { source, years } = chineseDaysNotices();
    const known = new Set(
      (await this.dataSource.getRepository(HolidayYearEntity).find({ select: { year: true } })).map((y) => y.year),
    );
    const loaded: number[] = [];
    for (const [year, days] of years) {
      if (known.has(year)) continue;
      await this.uow.run(async (tx) => {
        // Two processes booting together: the one that inserts the year loads its days.
        const inserted: unknown[] = await tx.em.query(
          'INSERT INTO holiday_years (year, source) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING year',
          [year, source],
        );
        if (!inserted.length) return;
        await tx.em
          .createQueryBuilder()
          .insert()
          .into(HolidayDayEntity)
          .values(days.map((d) => ({ ...d, year, source })))
          .orIgnore()
          .execute();
        loaded.push(year);
      });
    }
    if (loaded.length) this.logger.log({ years: loaded, source }, 'holiday notices loaded');
    this.cache = null;
    return loaded;
  }

  /** Replaces a year's notice (a platform admin's entry: source `admin`). */
  async replaceYear(year: number, days: readonly HolidayNoticeDay[], source = 'admin'): Promise<void> {
    await this.uow.run(async (tx) => {
      await tx.em.delete(HolidayDayEntity, { year });
      await tx.em.delete(HolidayYearEntity, { year });
      await tx.em.insert(HolidayYearEntity, { year, source });
      if (days.length)
        await tx.em.insert(
          HolidayDayEntity,
          days.map((d) => ({ ...d, year, source })),
        );
    });
    this.cache = null;
  }

  async year(year: number): Promise<{ year: number; source: string | null; days: HolidayNoticeDay[] }> {
    const [meta, days] = await Promise.all([
      this.dataSource.getRepository(HolidayYearEntity).findOneBy({ year }),
      this.dataSource.getRepository(HolidayDayEntity).find({ where: { year }, order: { date: 'ASC' } }),
    ]);
    return {
      year,
      source: meta?.source ?? null,
      days: days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
    };
  }

  async coveredYears(): Promise<number[]> {
    return [...(await this.data()).coveredYears].sort();
  }

  async data(): Promise<HolidayData> {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) return this.cache.data;
    const [years, days] = await Promise.all([
      this.dataSource.getRepository(HolidayYearEntity).find({ select: { year: true } }),
      this.dataSource.getRepository(HolidayDayEntity).find(),
    ]);
    const data: HolidayData = {
      coveredYears: new Set(years.map((y) => y.year)),
      special: new Map(days.map((d) => [d.date, d.kind])),
    };
    this.cache = { at: Date.now(), data };
    return data;
  }
}
