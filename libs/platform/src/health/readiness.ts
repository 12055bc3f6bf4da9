import { Injectable } from '@nestjs/common';

export interface ReadinessCheck {
  /** Key in the readiness answer, e.g. `search`. */
  name: string;
  /** Resolves when the dependency answers; rejects (or resolves `{ ok: false }`) when it does not. */
  check(): Promise<{ ok: boolean; detail?: string; info?: Record<string, unknown> } | void>;
}

/**
 * Dependencies beyond Postgres and Redis that a lib brings (a search server): each registers a check
 * at module init, and `/health/ready` answers 503 naming it when it is down. A check may add `info`
 * (figures such as the age of the oldest overdue reminder) shown beside its status.
 */
@Injectable()
export class ReadinessRegistry {
  readonly checks: ReadinessCheck[] = [];

  register(check: ReadinessCheck): void {
    this.checks.push(check);
  }
}
