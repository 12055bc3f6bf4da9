import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, Page, platformError, toPage } from '@app/platform';
import { AuditAction, AuditEventEntity } from '../entities/audit-event.entity';
import type { Principal, RequestContext } from '../authz/principal';
import { can } from '../authz/policy';

export interface AuditEntry {
  action: AuditAction;
  organizationId: string | null;
  actorUserId?: string | null;
  actorOrganizationId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditQuery {
  cursor?: string;
  limit: number;
  action?: AuditAction;
  organizationId?: string;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes in the caller's transaction when given one, so the audit row and the change commit together. */
  async record(entry: AuditEntry, ctx: RequestContext | null, em: EntityManager = this.dataSource.manager): Promise<void> {
    await em.insert(AuditEventEntity, {
      action: entry.action,
      organizationId: entry.organizationId,
      actorUserId: entry.actorUserId ?? null,
      actorOrganizationId: entry.actorOrganizationId ?? null,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      details: (entry.details ?? {}) as never,
      ip: ctx?.ip ?? null,
      requestId: ctx?.requestId ?? null,
    });
  }

  /**
   * Org admins read their organization's events; platform admins read everyone's (optionally one
   * organization's). Newest first, keyset-paginated on (occurred_at, id).
   */
  async list(principal: Principal, query: AuditQuery): Promise<Page<AuditEventEntity>> {
    const all = can(principal, 'audit:read_all');
    if (!all && !can(principal, 'audit:read')) throw platformError('FORBIDDEN', { action: 'audit:read' });
    const qb = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('e');
    if (!all) qb.where('e.organization_id = :org', { org: principal.organizationId });
    else if (query.organizationId) qb.where('e.organization_id = :org', { org: query.organizationId });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
      qb.andWhere('(e.occurred_at, e.id) < (:at, :id)', { at, id });
    }
    const rows = await qb
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .take(query.limit + 1)
      .getMany();
    return toPage(rows, query.limit, (r) => [r.occurredAt.toISOString(), r.id]);
  }
}
