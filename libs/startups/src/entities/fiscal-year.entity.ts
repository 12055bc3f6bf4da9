import { Column, Entity, Index, ManyToOne, JoinColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { moneyColumn } from './bigint-money';
import { StartupEntity } from './startup.entity';

/** One year of a company's figures. Every figure is optional: missing data makes a rubric "unknown", never "fail". */
@Entity('startup_fiscal_years')
@Index('ux_fiscal_years_startup_year', ['startupId', 'year'], { unique: true })
export class FiscalYearEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  startupId: string;

  @ManyToOne(() => StartupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'startup_id' })
  startup?: StartupEntity;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'int', nullable: true })
  headcount: number | null;

  @Column({ type: 'int', nullable: true })
  techStaff: number | null;

  @Column({ type: 'int', nullable: true })
  rdStaff: number | null;

  @Column(moneyColumn)
  revenue: number | null;

  @Column(moneyColumn)
  mainBusinessRevenue: number | null;

  @Column(moneyColumn)
  highTechRevenue: number | null;

  @Column(moneyColumn)
  totalCosts: number | null;

  @Column(moneyColumn)
  rdSpend: number | null;

  @Column(moneyColumn)
  rdSpendInChina: number | null;

  @Column(moneyColumn)
  totalAssets: number | null;

  @Column(moneyColumn)
  liabilities: number | null;

  @Column(moneyColumn)
  newEquityRaised: number | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
