import { randomUUID } from 'node:crypto';
import { toErrorResponse } from '@app/platform';
import { createTestDatabase, TestDatabase } from './support/test-database';

// Foreign keys on the real Postgres: every column that names another record (across libs too) is
// refused by the database when that record does not exist, and the violation reaches a client as a
// coded 4xx through the one error filter, never a 500.
jest.setTimeout(120_000);

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

/** The error a statement throws (TypeORM's QueryFailedError around the driver's), or null. */
async function failure(sql: string, params: unknown[]): Promise<unknown> {
  try {
    await db.dataSource.query(sql, params);
    return null;
  } catch (err) {
    return err;
  }
}

const organization = async (kind: string, name: string): Promise<string> => {
  const [row] = (await db.dataSource.query(
    `INSERT INTO organizations (kind, name, region_code) VALUES ($1, $2, '320211') RETURNING id`,
    [kind, name],
  )) as { id: string }[];
  return row.id;
};

describe('foreign keys', () => {
  it('covers every column that names a project, company, organization, mandate, event or meeting', async () => {
    const rows = (await db.dataSource.query(
      `SELECT c.conrelid::regclass::text AS "table", a.attname AS "column", c.confrelid::regclass::text AS "references",
              c.confdeltype AS "onDelete"
         FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'f'`,
    )) as { table: string; column: string; references: string; onDelete: string }[];
    const fks = new Map(rows.map((r) => [`${r.table}.${r.column}`, `${r.references} ${r.onDelete}`]));
    // r = RESTRICT (a record other libs name is archived, never deleted), c = CASCADE (a lib's own children).
    const expected: Record<string, string> = {
      'deals.project_id': 'projects r',
      'deals.startup_id': 'startups r',
      'deals.startup_organization_id': 'organizations r',
      'deals.investor_organization_id': 'organizations r',
      'deals.mandate_id': 'mandates r',
      'deal_flow_feedback.project_id': 'projects r',
      'deal_flow_feedback.mandate_id': 'mandates r',
      'deal_flow_feedback.organization_id': 'organizations r',
      'portfolio_investments.organization_id': 'organizations r',
      'roadshow_applications.project_id': 'projects r',
      'roadshow_applications.startup_organization_id': 'organizations r',
      'roadshow_invitations.investor_organization_id': 'organizations r',
      'roadshow_meeting_requests.event_id': 'roadshow_events c',
      'roadshow_meeting_requests.from_organization_id': 'organizations r',
      'roadshow_meeting_requests.to_organization_id': 'organizations r',
      'roadshow_meeting_requests.project_id': 'projects r',
      'roadshow_meetings.request_id': 'roadshow_meeting_requests c',
      'roadshow_meetings.event_id': 'roadshow_events c',
      'roadshow_availability.organization_id': 'organizations r',
      'follow_up_tasks.meeting_id': 'roadshow_meetings r',
      'follow_up_tasks.event_id': 'roadshow_events r',
      'follow_up_tasks.owner_organization_id': 'organizations r',
      'follow_up_tasks.counterpart_organization_id': 'organizations r',
      'follow_up_tasks.organizer_organization_id': 'organizations r',
      'access_grants.startup_organization_id': 'organizations r',
      'access_grants.grantee_organization_id': 'organizations r',
      'outcomes.investor_organization_id': 'organizations r',
      'outcomes.founder_organization_id': 'organizations r',
      'outcomes.project_id': 'projects r',
      'outcomes.event_id': 'roadshow_events r',
      'startups.organization_id': 'organizations r',
      'projects.organization_id': 'organizations r',
      'mandates.organization_id': 'organizations r',
    };
    expect(Object.fromEntries(Object.keys(expected).map((k) => [k, fks.get(k) ?? 'missing']))).toEqual(expected);
  });

  it('answers a row naming a missing record 422 REFERENCE_NOT_FOUND with the field, not 500', async () => {
    const startup = await organization('startup', 'fk 甲科技');
    const err = await failure(
      `INSERT INTO access_grants (startup_organization_id, grantee_organization_id, granted_by_user_id) VALUES ($1, $2, $3)`,
      [startup, randomUUID(), randomUUID()],
    );
    expect(err).not.toBeNull();
    const missing = randomUUID();
    const res = toErrorResponse(err, 'en', 'r1');
    expect([res.status, res.body.code, res.body.details, res.unexpected]).toEqual([
      422,
      'REFERENCE_NOT_FOUND',
      { field: 'granteeOrganizationId' },
      false,
    ]);
    expect(JSON.stringify(res.body)).not.toContain(missing);
    expect(toErrorResponse(err, 'zh-CN', 'r1').body.message).toBe('引用的记录不存在。');
    expect(await db.dataSource.query('SELECT count(*)::int AS n FROM access_grants')).toEqual([{ n: 0 }]);
  });

  it('answers removing a record other rows still name 409 REFERENCE_IN_USE, and keeps both', async () => {
    const [startup, fund] = [await organization('startup', 'fk 乙科技'), await organization('fund', 'fk 丙资本')];
    await db.dataSource.query(
      `INSERT INTO access_grants (startup_organization_id, grantee_organization_id, granted_by_user_id) VALUES ($1, $2, $3)`,
      [startup, fund, randomUUID()],
    );
    const err = await failure('DELETE FROM organizations WHERE id = $1', [fund]);
    const res = toErrorResponse(err, 'en', 'r2');
    expect([res.status, res.body.code, res.unexpected]).toEqual([409, 'REFERENCE_IN_USE', false]);
    expect(await db.dataSource.query('SELECT count(*)::int AS n FROM organizations WHERE id = $1', [fund])).toEqual([
      { n: 1 },
    ]);
  });
});
