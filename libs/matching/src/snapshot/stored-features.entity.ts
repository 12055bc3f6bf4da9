import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ProjectFeatures } from '../engine';

/**
 * Each published project's engine features as last computed (through the qualification engine), with
 * the labels a list shows and the stamp of the source rows they were computed from. An API process
 * boots from these rows instead of re-running the rubrics; a row whose stamp, evaluation date or
 * format no longer matches is computed again (and rewritten). A cache of derived data: dropping every
 * row is always safe.
 */
@Entity('matching_project_features')
export class StoredFeaturesEntity {
  @PrimaryColumn({ type: 'uuid' })
  projectId: string;

  /** `ProjectDirectory.featureStamps` of the source rows, read before them. */
  @Column({ type: 'text' })
  sourceStamp: string;

  /** Shanghai date the features were evaluated on (company age and valid qualifications depend on it). */
  @Column({ type: 'date' })
  asOf: string;

  /** Score version and feature format the row was computed under. */
  @Column({ type: 'text' })
  format: string;

  @Column({ type: 'jsonb' })
  features: ProjectFeatures;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  startupName: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
