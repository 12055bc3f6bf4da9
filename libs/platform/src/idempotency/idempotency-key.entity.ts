import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One `Idempotency-Key` a caller sent with a create (platform's table; see idempotency.ts): the
 * request's fingerprint, and the answer once there is one. Written in the create's own transaction,
 * so a committed create always has its key and a rolled-back one never does.
 */
@Entity('idempotency_keys')
@Index('ix_idempotency_keys_created', ['createdAt'])
export class IdempotencyKeyEntity {
  /** Who sent it (the acting user): keys are per caller, never shared. */
  @PrimaryColumn({ type: 'text' })
  scope: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  /** sha256 of method, path and the canonical JSON body: a different request under one key is refused. */
  @Column({ type: 'char', length: 64 })
  fingerprint: string;

  @Column({ type: 'int', nullable: true })
  statusCode: number | null;

  /** The response body of the first success, replayed to every retry. */
  @Column({ type: 'jsonb', nullable: true })
  response: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
