import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import {
  Clock,
  CLOCK,
  ProjectionFeed,
  ReadinessRegistry,
  type DomainEvent,
  type ProjectionConsumer,
} from '@app/platform';
import { EngineInputError, Snapshot, type ProjectFeatures } from '../engine';
import { ProjectDirectory, shanghaiDate, type ProjectFeatureRows } from '@app/startups';
import { projectFeatures } from '../features/project-features';
import { FeatureStore, STORED_FEATURES_FORMAT, type StoredFeatures } from './feature-store';

/** Projects computed per read when stored features are missing or stale. */
const COMPUTE_PAGE = 2000;

/** Where a (re)build is, for `/health/ready`. */
export interface BuildProgress {
  phase: 'stamps' | 'stored' | 'compute' | 'built';
  /** Published projects. */
  total: number;
  /** Rows taken from `matching_project_features`. */
  fromStore: number;
  /** Rows computed through the rubrics (missing or stale in the store) so far, of `toCompute`. */
  computed: number;
  toCompute: number;
  ms?: number;
}

/** What a list shows of a project beside its features, read with them (so one version holds both). */
export interface SnapshotLabel {
  title: string;
  startupName: string;
  organizationId: string;
}

/**
 * This process's columnar snapshot of every published project. Built at boot from the stored feature
 * rows (`matching_project_features`): each published project's source stamp is read first, rows whose
 * stamp, evaluation date and format still match are used as they are, and only the others are
 * computed again through the rubrics (and stored). Then kept fresh by the projection feed: a project
 * event re-reads that project, a company event re-reads its projects (each stored again); anything
 * no longer published leaves the snapshot. After a feed gap (Redis reconnect, failed apply) the whole
 * snapshot is rebuilt off to the side and swapped in. `/health/ready` shows the build's progress.
 */
@Injectable()
export class SnapshotService implements OnModuleInit, OnApplicationBootstrap, ProjectionConsumer {
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

  private progress: BuildProgress = { phase: 'stamps', total: 0, fromStore: 0, computed: 0, toCompute: 0 };
  private built = false;

  constructor(
    private readonly projects: ProjectDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly feed: ProjectionFeed,
    private readonly store: FeatureStore,
    private readonly readiness: ReadinessRegistry,
  ) {}

  /** The boot build, started at module init (see onModuleInit) and awaited at bootstrap. */
  private booting: Promise<void> = Promise.resolve();

  /**
   * Registers with the feed and starts the boot build here rather than at bootstrap, so that it runs
   * beside the other read models' builds (the search index's): their Postgres reads overlap with each
   * other's CPU work on a second core. Registering first keeps the rule: events applied during the
   * build are applied again after the swap.
   */
  onModuleInit(): void {
    this.feed.register(this);
    this.booting = this.rebuild('boot');
    this.booting.catch(() => undefined); // surfaced by onApplicationBootstrap
    this.readiness.register({
      name: 'matchingSnapshot',
      check: async () => ({
        ok: this.built,
        detail: this.built ? undefined : `snapshot ${this.progress.phase}`,
        info: { ...this.progress, projects: this.current.size, version: this.version },
      }),
    });
  }

  get snapshot(): Snapshot {
    return this.current;
  }

  /** Where the last (or current) build is: rows from the store, rows computed, milliseconds. */
  get buildProgress(): Readonly<BuildProgress> {
    return { ...this.progress };
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
    await this.booting;
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
    // Stamps before rows: a row stored with an older stamp than its data is recomputed next boot.
    const [stampsP, stampsS] = await Promise.all([
      this.projects.featureStamps({ kind: 'projects', projectIds: [...projectIds] }),
      this.projects.featureStamps({ kind: 'startups', startupIds: [...startupIds] }),
    ]);
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
    const asOf = shanghaiDate(this.clock.now());
    const toStore: StoredFeatures[] = [];
    for (const rows of fresh.values()) {
      const features = this.features(rows);
      try {
        if (features) {
          snapshot.upsert(features);
          const label = labelOf(rows);
          labels.set(rows.project.id, label);
          const sourceStamp = stampsP.get(rows.project.id) ?? stampsS.get(rows.project.id);
          if (sourceStamp) toStore.push({ features, label, sourceStamp, asOf, format: STORED_FEATURES_FORMAT });
        } else {
          snapshot.remove(rows.project.id);
          labels.delete(rows.project.id);
          gone.push(rows.project.id);
        }
      } catch (error) {
        if (!(error instanceof EngineInputError)) throw error;
        this.logger.warn({ projectId: rows.project.id, code: error.code }, 'project left out of the matching snapshot');
        snapshot.remove(rows.project.id);
        labels.delete(rows.project.id);
        gone.push(rows.project.id);
      }
    }
    // The snapshot is already fresh; the stored rows only speed up the next boot (their stamps guard them).
    await Promise.all([this.store.save(toStore), this.store.remove(gone)]).catch((error: Error) =>
      this.logger.warn({ err: error.message }, 'stored features not written (the next boot recomputes them)'),
    );
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
    const progress: BuildProgress = { phase: 'stamps', total: 0, fromStore: 0, computed: 0, toCompute: 0 };
    this.progress = progress;
    const asOf = shanghaiDate(this.clock.now());
    // Stamps first (see featureStamps): then the stored rows, then whatever they do not cover.
    const stamps = await this.projects.featureStamps({ kind: 'all' });
    progress.total = stamps.size;
    progress.phase = 'stored';
    const list: ProjectFeatures[] = [];
    const labels = new Map<string, SnapshotLabel>();
    const unpublished: string[] = [];
    // Each stored row is checked as it is read: no map of every row waits for the check.
    await this.store.loadAll((row) => {
      const projectId = row.features.projectId;
      const stamp = stamps.get(projectId);
      if (stamp === undefined) unpublished.push(projectId);
      else if (row.sourceStamp === stamp && row.asOf === asOf && row.format === STORED_FEATURES_FORMAT) {
        list.push(row.features);
        labels.set(projectId, row.label);
      }
    });
    const stale = [...stamps.keys()].filter((id) => !labels.has(id));
    progress.fromStore = list.length;
    progress.toCompute = stale.length;
    progress.phase = 'compute';
    for (let i = 0; i < stale.length; i += COMPUTE_PAGE) {
      const ids = stale.slice(i, i + COMPUTE_PAGE);
      const page = await this.projects.featureRows({ kind: 'projects', projectIds: ids });
      const toStore: StoredFeatures[] = [];
      for (const rows of page) {
        const f = this.features(rows);
        if (!f) continue;
        const label = labelOf(rows);
        list.push(f);
        labels.set(f.projectId, label);
        toStore.push({
          features: f,
          label,
          sourceStamp: stamps.get(f.projectId)!,
          asOf,
          format: STORED_FEATURES_FORMAT,
        });
      }
      await this.store.save(toStore);
      progress.computed += ids.length;
    }
    await this.store.remove(unpublished);
    const next = Snapshot.build(list);
    next.ensureInnovation();
    this.epoch += 1;
    this.current = next;
    this.labelsById = labels;
    const missed = this.duringRebuild ?? [];
    this.duringRebuild = null;
    if (missed.length > 0) await this.apply(missed);
    const ms = Math.round(performance.now() - started);
    progress.phase = 'built';
    progress.ms = ms;
    this.built = true;
    this.logger.log(
      {
        reason,
        projects: next.size,
        fromStore: progress.fromStore,
        computed: progress.computed,
        ms,
        version: this.version,
      },
      'matching snapshot built',
    );
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
