import { Client } from 'pg';

/** The local Postgres the benches create their scratch databases in. */
export const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** `adminUrl` pointed at another database on the same server. */
export function databaseUrl(name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs `work` on a short-lived admin connection (CREATE / DROP DATABASE). */
export async function withAdmin<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl, application_name: 'tourong-bench' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
