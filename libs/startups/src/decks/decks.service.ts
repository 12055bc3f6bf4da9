import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, CLOCK, UnitOfWork } from '@app/platform';
import { AuditService, Principal, RequestContext } from '@app/identity';
import { ProjectEntity } from '../entities/project.entity';
import { StartupAccess } from '../startups/startup-access';
import { startupsError } from '../startups.errors';
import { sha256, Storage, STORAGE } from '../storage/storage';

export const DECK_MAX_BYTES = 20 * 1024 * 1024;
const PDF_MAGIC = Buffer.from('%PDF-');

/** A PDF starts with "%PDF-" within its first 1024 bytes (the spec allows leading junk); names and MIME types lie. */
export function looksLikePdf(head: Buffer): boolean {
  return head.subarray(0, 1024).indexOf(PDF_MAGIC) !== -1;
}

export interface DeckDownload {
  stream: Readable;
  size: number;
  fileName: string;
  sha256: string;
}

@Injectable()
export class DecksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: StartupAccess,
    private readonly audit: AuditService,
    @Inject(STORAGE) private readonly storage: Storage,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Stores the file first under a fresh key, then points the project at it in one transaction; the
   * old file is deleted only after commit. A failed upload leaves the previous deck untouched.
   */
  async upload(principal: Principal, projectId: string, fileName: string, body: Buffer): Promise<ProjectEntity> {
    if (body.length > DECK_MAX_BYTES) throw startupsError('DECK_TOO_LARGE', { field: 'file', maxBytes: DECK_MAX_BYTES });
    if (!looksLikePdf(body)) throw startupsError('DECK_NOT_PDF', { field: 'file' });
    const key = `decks/${projectId}/${randomUUID()}.pdf`;
    let previous: string | null = null;
    await this.storage.put(key, body);
    try {
      const project = await this.uow.run(async (tx) => {
        const p = await tx.em
          .getRepository(ProjectEntity)
          .createQueryBuilder('p')
          .setLock('pessimistic_write')
          .where('p.id = :id AND p.organization_id = :org', { id: projectId, org: principal.organizationId })
          .getOne();
        if (!p) throw startupsError('PROJECT_NOT_FOUND');
        this.access.assertCanOwnStartups(principal);
        previous = p.deckStorageKey;
        await tx.em.update(
          ProjectEntity,
          { id: p.id },
          {
            deckStorageKey: key,
            deckFileName: safeFileName(fileName),
            deckSizeBytes: body.length,
            deckSha256: sha256(body),
            deckUploadedAt: this.clock.now(),
          },
        );
        tx.publish({ type: 'startups.project_changed', projectId: p.id, startupId: p.startupId, status: p.status });
        return tx.em.findOneByOrFail(ProjectEntity, { id: p.id });
      });
      if (previous) await this.storage.delete(previous).catch(() => undefined);
      return project;
    } catch (err) {
      await this.storage.delete(key).catch(() => undefined);
      throw err;
    }
  }

  /** Confidential: the company, granted organizations and platform admins; every outside download is audited. */
  async download(principal: Principal, projectId: string, ctx: RequestContext): Promise<DeckDownload> {
    const project = await this.dataSource.getRepository(ProjectEntity).findOneBy({ id: projectId });
    if (!project || (project.status === 'draft' && project.organizationId !== principal.organizationId)) {
      throw startupsError('PROJECT_NOT_FOUND');
    }
    const startup = await this.access.readable(project.startupId);
    await this.access.readConfidential(principal, startup, 'deck', ctx);
    if (!project.deckStorageKey) throw startupsError('DECK_MISSING');
    if (!this.access.isOwner(principal, startup)) {
      // readConfidential recorded the read; a download is also an export of the file.
      await this.audit.record(
        {
          action: 'data.exported',
          organizationId: startup.organizationId,
          actorUserId: principal.userId,
          actorOrganizationId: principal.organizationId,
          targetType: 'project_deck',
          targetId: project.id,
          details: { sha256: project.deckSha256 },
        },
        ctx,
      );
    }
    const { stream, size } = await this.storage.get(project.deckStorageKey);
    return { stream, size, fileName: project.deckFileName ?? 'deck.pdf', sha256: project.deckSha256 ?? '' };
  }
}

/** Keeps a readable name for Content-Disposition without path parts or control characters. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\x00-\x1f\x7f"]/g, '').trim().slice(0, 150);
  if (!base) return 'deck.pdf';
  return base.toLowerCase().endsWith('.pdf') ? base : `${base}.pdf`;
}
