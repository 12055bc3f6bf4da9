import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SCORE_VERSION, type ProjectFeatures } from '../engine';

/** Bump when `projectFeatures` changes what it computes without a score-version change. */
const FEATURES_FORMAT = 1;
export const STORED_FEATURES_FORMAT = `${SCORE_VERSION}/features-${FEATURES_FORMAT}`;

const READ_PAGE = 2_000;
const WRITE_CHUNK = 500;

export interface StoredFeatures {
  features: ProjectFeatures;
  label: { title: string; startupName: string; organizationId: string };
  sourceStamp: string;
  asOf: string;
  format: string;
}

/** Matching's own table of computed features (`matching_project_features`). */
@Injectable()
export class FeatureStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Every stored row, paged by project id, handed to `visit` as it is read (the caller keeps what it
   * uses; no map of every row is built). Repeated strings (codes, labels of the next bands, company
   * ids, names) are interned in place in the freshly parsed objects, and so are whole lists (tracks,
   * instruments, qualifications, keywords, next bands: a company's projects share most of them, and
   * many companies the same codes): each parsed row would otherwise hold its own copy of what the
   * rubric path shares. Shared lists are frozen, so a caller that tried to change one would throw
   * instead of changing other projects' features (the engine only reads them).
   */
  async loadAll(visit: (row: StoredFeatures) => void): Promise<void> {
    const strings = new Map<string, string>();
    const intern = (v: string): string => {
      const known = strings.get(v);
      if (known !== undefined) return known;
      strings.set(v, v);
      return v;
    };
    const lists = new Map<string, readonly string[]>();
    // The lists are readonly to the engine; here they are the parser's fresh arrays, not shared yet.
    const internList = <T extends string>(list: readonly T[]): readonly T[] => {
      const key = list.join('\u0000');
      const known = lists.get(key);
      if (known !== undefined) return known as readonly T[];
      const own = list as T[];
      for (let i = 0; i < own.length; i++) own[i] = intern(own[i]) as T;
      lists.set(key, Object.freeze(own));
      return own;
    };
    const bandLists = new Map<string, ProjectFeatures['techSmeNextBands']>();
    const internBands = (bands: ProjectFeatures['techSmeNextBands']): ProjectFeatures['techSmeNextBands'] => {
      const key = JSON.stringify(bands);
      const known = bandLists.get(key);
      if (known !== undefined) return known;
      for (const b of bands) {
        b.indicator = intern(b.indicator);
        b.labelZh = intern(b.labelZh);
        b.labelEn = intern(b.labelEn);
        Object.freeze(b);
      }
      bandLists.set(key, Object.freeze(bands));
      return bands;
    };
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: {
        project_id: string;
        source_stamp: string;
        as_of: string;
        format: string;
        features: ProjectFeatures;
        title: string;
        startup_name: string;
        organization_id: string;
      }[] = await this.dataSource.query(
        `SELECT project_id, source_stamp, as_of::text AS as_of, format, features, title, startup_name, organization_id
           FROM matching_project_features WHERE project_id > $1 ORDER BY project_id LIMIT ${READ_PAGE}`,
        [after],
      );
      for (const r of rows) {
        const f = r.features;
        f.startupId = intern(f.startupId);
        f.stage = intern(f.stage) as ProjectFeatures['stage'];
        f.sizeClass = intern(f.sizeClass) as ProjectFeatures['sizeClass'];
        f.techSmeVerdict = intern(f.techSmeVerdict) as ProjectFeatures['techSmeVerdict'];
        if (f.regionCode !== null) f.regionCode = intern(f.regionCode);
        f.tracks = internList(f.tracks);
        f.instruments = internList(f.instruments);
        f.qualifications = internList(f.qualifications);
        f.keywords = internList(f.keywords);
        f.techSmeNextBands = internBands(f.techSmeNextBands);
        visit({
          features: f,
          label: { title: r.title, startupName: intern(r.startup_name), organizationId: intern(r.organization_id) },
          sourceStamp: r.source_stamp,
          asOf: r.as_of,
          format: r.format,
        });
      }
      if (rows.length < READ_PAGE) return;
      after = rows[rows.length - 1].project_id;
    }
  }

  /** Upserts rows (idempotent: several API processes may write the same row). */
  async save(rows: readonly StoredFeatures[]): Promise<void> {
    for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
      const chunk = rows.slice(i, i + WRITE_CHUNK);
      await this.dataSource.query(
        `INSERT INTO matching_project_features
           (project_id, source_stamp, as_of, format, features, title, startup_name, organization_id, updated_at)
         SELECT r.project_id, r.source_stamp, r.as_of, r.format, r.features, r.title, r.startup_name, r.organization_id, now()
           FROM jsonb_to_recordset($1::jsonb) AS r(project_id uuid, source_stamp text, as_of date, format text,
                features jsonb, title text, startup_name text, organization_id uuid)
         ON CONFLICT (project_id) DO UPDATE SET source_stamp = EXCLUDED.source_stamp, as_of = EXCLUDED.as_of,
           format = EXCLUDED.format, features = EXCLUDED.features, title = EXCLUDED.title,
           startup_name = EXCLUDED.startup_name, organization_id = EXCLUDED.organization_id, updated_at = now()`,
        [
          JSON.stringify(
            chunk.map((r) => ({
              project_id: r.features.projectId,
              source_stamp: r.sourceStamp,
              as_of: r.asOf,
              format: r.format,
              features: r.features,
              title: r.label.title,
              startup_name: r.label.startupName,
              organization_id: r.label.organizationId,
            })),
          ),
        ],
      );
    }
  }

  /** Rows of projects that left the snapshot (unpublished, archived, no longer computable). */
  async remove(projectIds: readonly string[]): Promise<void> {
    if (projectIds.length === 0) return;
    await this.dataSource.query('DELETE FROM matching_project_features WHERE project_id = ANY($1::uuid[])', [
      [...projectIds],
    ]);
  }
}
