import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type HolidayDayKind = 'holiday' | 'workday';

/**
 * A special day of the Chinese calendar: a statutory holiday (off, even on a weekday) or a make-up
 * workday (调休: worked, even on a weekend). Every other day follows the week (Mon–Fri worked).
 */
@Entity('holiday_days')
@Index('ix_holiday_days_year', ['year'])
export class HolidayDayEntity {
  @PrimaryColumn({ type: 'date' })
  date: string;

  @Column({ type: 'text' })
  kind: HolidayDayKind;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'int' })
  year: number;

  /** `chinese-days@<version>`, or `admin` for a notice entered by a platform admin. */
  @Column({ type: 'text' })
  source: string;
}

/** A year whose notice is loaded: working days in it are exact. Other years are provisional. */
@Entity('holiday_years')
export class HolidayYearEntity {
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'text' })
  source: string;

  @CreateDateColumn({ type: 'timestamptz' })
  loadedAt: Date;
}
