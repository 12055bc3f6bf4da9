import { randomBytes } from 'node:crypto';
import { checkCharacter, PrincipalCache } from '@app/identity';
import type { ApiHarness } from './api-app';

export const TEST_PASSWORD = 'Roadshow-2023-金兔';

export interface Actor {
  token: string;
  refreshToken: string;
  userId: string;
  organizationId: string;
  email: string;
}

/** A valid 统一社会信用代码 that no other test uses (random body, correct check character). */
export function uniqueCreditCode(region = '320211'): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const body = Array.from(randomBytes(9), (b) => alphabet[b % 31]).join('');
  const first17 = `91${region}${body}`;
  return first17 + checkCharacter(first17);
}

let counter = 0;
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}.${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}@example.com`;
}

/** Registers a user with a new organization through the public API. */
export async function registerOrg(
  api: ApiHarness,
  kind: 'startup' | 'fund' | 'bank' | 'organizer' | 'university',
  name = `${kind} ${randomBytes(3).toString('hex')}`,
): Promise<Actor> {
  const email = uniqueEmail(kind);
  const res = await api.request('/api/v1/auth/register', {
    method: 'POST',
    json: {
      email,
      password: TEST_PASSWORD,
      displayName: `${kind} owner`,
      organization: { kind, name, regionCode: '320211', creditCode: uniqueCreditCode() },
    },
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${res.text}`);
  return {
    token: res.body.tokens.accessToken,
    refreshToken: res.body.tokens.refreshToken,
    userId: res.body.userId,
    organizationId: res.body.organizationId,
    email,
  };
}

/** Invites a new user into `owner`'s organization with `role` and registers them through the invitation. */
export async function addMember(api: ApiHarness, owner: Actor, role: 'admin' | 'member'): Promise<Actor> {
  const email = uniqueEmail(role);
  const inv = await api.request('/api/v1/invitations', { method: 'POST', token: owner.token, json: { email, role } });
  if (inv.status !== 201) throw new Error(`invite failed: ${inv.status} ${inv.text}`);
  const res = await api.request('/api/v1/auth/register', {
    method: 'POST',
    json: { email, password: TEST_PASSWORD, displayName: `${role} user`, invitationToken: inv.body.token },
  });
  if (res.status !== 201) throw new Error(`register by invitation failed: ${res.status} ${res.text}`);
  return {
    token: res.body.tokens.accessToken,
    refreshToken: res.body.tokens.refreshToken,
    userId: res.body.userId,
    organizationId: res.body.organizationId,
    email,
  };
}

/**
 * Makes a user a platform admin the way an operator does (there is no route for it: SQL), then drops
 * the API's cached principals — as an operator's change reaches a running API within the cache's TTL.
 */
export async function promoteToPlatformAdmin(api: ApiHarness, userId: string): Promise<void> {
  await api.db.dataSource.query('UPDATE users SET is_platform_admin = true WHERE id = $1', [userId]);
  api.app.get(PrincipalCache).invalidate();
}
