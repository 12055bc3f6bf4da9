import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CellError } from '../import/parse-import-row';

export type ImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** A large import runs in the worker; this row is its progress and result. */
@Entity('import_jobs')
@Index('ix_import_jobs_org', ['organizationId', 'createdAt'])
export class ImportJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  requestedByUserId: string;

  @Column({ type: 'text', default: 'queued' })
  status: ImportStatus;

  @Column({ type: 'text' })
  fileKey: string;

  @Column({ type: 'text' })
  format: 'xlsx' | 'csv';

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'int', default: 0 })
  totalRows: number;

  @Column({ type: 'int', default: 0 })
  processedRows: number;

  @Column({ type: 'int', default: 0 })
  startupsUpserted: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  errors: CellError[];

  @Column({ type: 'text', nullable: true })
  failureReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
