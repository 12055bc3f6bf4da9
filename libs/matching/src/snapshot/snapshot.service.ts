import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Clock, CLOCK, ProjectionFeed, type DomainEvent, type ProjectionConsumer } from '@app/platform';
import { EngineInputError, Snapshot, type ProjectFeatures } from '../engine';
import { ProjectDirectory, type ProjectFeatureRows } from '@app/startups';
import { projectFeatures } from '../features/project-features';

const BOOT_PAGE = 2000;

/** What a list shows of a project beside its features, read with them (so one version holds both). */
export interface SnapshotLabel {
  title: string;
  startupName: string;
  organizationId: string;
}

/**
 * This process's columnar snapshot of every published project. Built at boot by paging through
 * Postgres, then kept fresh by the projection feed: a project event re-reads that project, a company
 * event re-reads its projects; anything no longer published leaves the snapshot. After a feed gap
 * (Redis reconnect, failed apply) the whole snapshot is rebuilt off to the side and swapped in.
 */
@Injectable()
export class SnapshotService implements OnApplicationBootstrap, ProjectionConsumer {
  readonly name = 'matching-snapshot';
  private readonly logger = new Logger(SnapshotService.name);
  private current: Snapshot = Snapshot.build([]);
  /**
   * Titles, company names and owning organizations of the snapshot's projects, written in the same
   * synchronous step as the features: a page ranked at one version is presented from that version.
   */
  private labelsById = new Map<string, SnapshotLabel>();
  /** Bumped by rebuilds so versions keep increasing across swaps. */
  private epoch = 0;

  constructor(
    private readonly projects: ProjectDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly feed: ProjectionFeed,
  ) {}

  get snapshot(): Snapshot {
    return this.current;
  }

  /** The label of a project in the current snapshot (the version `version` reports). */
  label(projectId: string): SnapshotLabel | undefined {
    return this.labelsById.get(projectId);
  }

  /** Monotonic across rebuilds: responses carry it. */
  get version(): number {
    return this.epoch * 1_000_000_000 + this.current.version;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.feed.register(this);
    await this.rebuild('boot');
  }

  /**
   * Events applied while a rebuild reads Postgres: the pages it already read may predate them, so
   * they are applied again to the new snapshot right after the swap (re-reading is idempotent).
   */
  private duringRebuild: DomainEvent[] | null = null;
  private rebuilding: Promise<void> | null = null;

  async apply(events: readonly DomainEvent[]): Promise<void> {
    this.duringRebuild?.push(...events);
    const projectIds = new Set<string>();
    const startupIds = new Set<string>();
    for (const e of events) {
      if (e.type === 'startups.project_changed') projectIds.add(e.projectId);
      else if (e.type === 'startups.startup_changed') startupIds.add(e.startupId);
    }
    if (projectIds.size === 0 && startupIds.size === 0) return;
    const [byProject, byStartup] = await Promise.all([
      this.projects.featureRows({ kind: 'projects', projectIds: [...projectIds] }),
      this.projects.featureRows({ kind: 'startups', startupIds: [...startupIds] }),
    ]);
    const fresh = new Map<string, ProjectFeatureRows>();
    for (const r of [...byProject, ...byStartup]) fresh.set(r.project.id, r);
    const snapshot = this.current;
    // Projects named by an event, or belonging to a named company, that are no longer published.
    const gone = [...projectIds].filter((id) => !fresh.has(id));
    if (startupIds.size > 0) {
      for (const f of snapshot.features)
        if (startupIds.has(f.startupId) && !fresh.has(f.projectId)) gone.push(f.projectId);
    }
    const labels = this.labelsById;
    for (const id of gone) {
      snapshot.remove(id);
      labels.delete(id);
    }
    for (const rows of fresh.values()) {
      const features = this.features(rows);
      try {
        if (features) {
          snapshot.upsert(features);
          labels.set(rows.project.id, labelOf(rows));
        } else {
          snapshot.remove(rows.project.id);
          labels.delete(rows.project.id);
        }
      } catch (error) {
        if (!(error instanceof EngineInputError)) throw error;
        this.logger.warn({ projectId: rows.project.id, code: error.code }, 'project left out of the matching snapshot');
        snapshot.remove(rows.project.id);
        labels.delete(rows.project.id);
      }
    }
  }

  async resync(): Promise<void> {
    await this.rebuild('resync');
  }

  /** Any project (drafts too) with its features, computed the same way as the snapshot's. */
  async featuresOf(
    projectId: string,
  ): Promise<{ project: ProjectFeatureRows['project']; features: ProjectFeatures | null } | null> {
    const [rows] = await this.projects.featureRows(
      { kind: 'projects', projectIds: [projectId] },
      { includeDrafts: true },
    );
    return rows ? { project: rows.project, features: this.features(rows) } : null;
  }

  /** One rebuild at a time (boot and a feed resync may overlap); a second caller waits for the first. */
  private async rebuild(reason: 'boot' | 'resync'): Promise<void> {
    while (this.rebuilding) await this.rebuilding;
    this.rebuilding = this.rebuildOnce(reason).finally(() => (this.rebuilding = null));
    return this.rebuilding;
  }

  private async rebuildOnce(reason: 'boot' | 'resync'): Promise<void> {
    this.duringRebuild = [];
    try {
      await this.buildAndSwap(reason);
    } finally {
      this.duringRebuild = null;
    }
  }

  private async buildAndSwap(reason: 'boot' | 'resync'): Promise<void> {
    const started = performance.now();
    const list: ProjectFeatures[] = [];
    const labels = new Map<string, SnapshotLabel>();
    let after: string | null = null;
    for (;;) {
      const page = await this.projects.featureRows({ kind: 'page', afterProjectId: after, limit: BOOT_PAGE });
      for (const rows of page) {
        const f = this.features(rows);
        if (f) {
          list.push(f);
          labels.set(f.projectId, labelOf(rows));
        }
      }
      if (page.length < BOOT_PAGE) break;
      after = page[page.length - 1].project.id;
    }
    const next = Snapshot.build(list);
    next.ensureInnovation();
    this.epoch += 1;
    this.current = next;
    this.labelsById = labels;
    const missed = this.duringRebuild ?? [];
    this.duringRebuild = null;
    if (missed.length > 0) await this.apply(missed);
    const ms = Math.round(performance.now() - started);
    this.logger.log({ reason, projects: next.size, ms, version: this.version }, 'matching snapshot built');
  }

  private features(rows: ProjectFeatureRows): ProjectFeatures | null {
    try {
      return projectFeatures(rows, this.clock.now());
    } catch (error) {
      // One bad profile (an unknown legacy code) must not take the whole snapshot down.
      if (error instanceof EngineInputError) {
        this.logger.warn({ projectId: rows.project.id, code: error.code }, 'project left out of the matching snapshot');
        return null;
      }
      throw error;
    }
  }
}

function labelOf(rows: ProjectFeatureRows): SnapshotLabel {
  return {
    title: rows.project.title,
    startupName: rows.startup.legalName,
    organizationId: rows.project.organizationId,
  };
}
