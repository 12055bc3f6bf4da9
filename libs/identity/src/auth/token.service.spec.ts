import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@app/platform';
import { TokenService } from './token.service';

const config = {
  JWT_SECRET: 'a-test-secret-of-at-least-thirty-two-chars',
  JWT_ACCESS_TTL_SECONDS: 900,
  REFRESH_TTL_SECONDS: 3600,
};
const claims = { sub: 'user-1', org: 'org-1', sid: 'session-1' };

describe('TokenService.verify with tokens it already verified', () => {
  afterEach(() => jest.useRealTimers());

  it('answers the same claims for the same token, and refuses a token with a changed signature', async () => {
    const tokens = new TokenService(new JwtService({}), config as AppConfig);
    const { accessToken } = await tokens.issue(claims, 'refresh', new Date(), new Date());
    await expect(tokens.verify(accessToken)).resolves.toEqual(claims);
    await expect(tokens.verify(accessToken)).resolves.toEqual(claims);
    const forged = accessToken.slice(0, -2) + (accessToken.endsWith('AA') ? 'BB' : 'AA');
    await expect(tokens.verify(forged)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('refuses a token past its expiry even after it was verified once', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-04T01:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const tokens = new TokenService(new JwtService({}), config as AppConfig);
    const { accessToken } = await tokens.issue(claims, 'refresh', new Date(), new Date());
    await expect(tokens.verify(accessToken)).resolves.toEqual(claims);
    jest.setSystemTime(new Date('2026-12-04T01:15:01Z'));
    await expect(tokens.verify(accessToken)).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
  });
});
