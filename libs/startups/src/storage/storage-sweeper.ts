import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, CLOCK } from '@app/platform';
import { Storage, STORAGE, StoredObject } from './storage';

/**
 * A file younger than this is never swept: a deck or import file is stored *before* the row that
 * points at it commits (so a failed upload leaves the old deck untouched), and an upload in flight
 * must not lose its file to a sweep that ran between the two.
 */
export const STORAGE_SWEEP_GRACE_MS = 60 * 60_000;
const BATCH = 500;
/** What the storage holds, and which rows may point at it. */
const PREFIXES = ['decks/', 'imports/'] as const;

export interface StorageSweepResult {
  scanned: number;
  referenced: number;
  /** Unreferenced, but younger than the grace period: kept for now. */
  young: number;
  deleted: number;
  /** The first 100 keys deleted (or, in a dry run, that would be). */
  deletedKeys: string[];
  dryRun: boolean;
}

/**
 * Storage hygiene: every stored file is reachable from a row (`projects.deck_storage_key`,
 * `import_jobs.file_key`) or it is removed. Deletes and replacements remove their file after commit;
 * this sweep catches what a crash between commit and delete (or an upload whose transaction failed)
 * left behind. Walks the storage in batches, so memory does not grow with the number of files.
 */
@Injectable()
export class StorageSweeper {
  private readonly logger = new Logger(StorageSweeper.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(STORAGE) private readonly storage: Storage,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async sweep(options: { dryRun?: boolean; graceMs?: number } = {}): Promise<StorageSweepResult> {
    const dryRun = options.dryRun ?? false;
    const cutoff = this.clock.now().getTime() - (options.graceMs ?? STORAGE_SWEEP_GRACE_MS);
    const result: StorageSweepResult = { scanned: 0, referenced: 0, young: 0, deleted: 0, deletedKeys: [], dryRun };
    for (const prefix of PREFIXES) {
      let batch: StoredObject[] = [];
      for await (const object of this.storage.list(prefix)) {
        batch.push(object);
        if (batch.length === BATCH) {
          await this.settle(batch, cutoff, result);
          batch = [];
        }
      }
      if (batch.length) await this.settle(batch, cutoff, result);
    }
    if (result.deleted) {
      this.logger.log({ ...result, deletedKeys: result.deletedKeys.slice(0, 20) }, dryRun ? 'storage sweep (dry run)' : 'storage sweep removed orphans');
    }
    return result;
  }

  private async settle(batch: StoredObject[], cutoff: number, result: StorageSweepResult): Promise<void> {
    const keys = batch.map((o) => o.key);
    const rows: { key: string }[] = await this.dataSource.query(
      `SELECT deck_storage_key AS key FROM projects WHERE deck_storage_key = ANY($1)
       UNION SELECT file_key FROM import_jobs WHERE file_key = ANY($1)`,
      [keys],
    );
    const referenced = new Set(rows.map((r) => r.key));
    result.scanned += batch.length;
    for (const object of batch) {
      if (referenced.has(object.key)) {
        result.referenced++;
      } else if (object.modifiedAt.getTime() > cutoff) {
        result.young++;
      } else {
        if (!result.dryRun) await this.storage.delete(object.key);
        result.deleted++;
        if (result.deletedKeys.length < 100) result.deletedKeys.push(object.key);
      }
    }
  }
}
