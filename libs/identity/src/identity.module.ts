import { OrganizationDirectory } from './directory/organization-directory';
import { MemberDirectory } from './directory/member-directory';
import { createHash } from 'node:crypto';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig, REDIS } from '@app/platform';
import { AccessGrantsController } from './access-grants/access-grants.controller';
import { AccessGrantsService } from './access-grants/access-grants.service';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { PrincipalCache } from './auth/principal-cache';
import { LoginThrottlerGuard } from './auth/login-throttler.guard';
import { TokenService } from './auth/token.service';
import { AuthGuard } from './authz/auth.guard';
import { InvitationsController } from './invitations/invitations.controller';
import { InvitationsService } from './invitations/invitations.service';
import { OrganizationsController } from './organizations/organizations.controller';
import { OrganizationsService } from './organizations/organizations.service';
import { normalizeEmail } from './users/email';
import { MeController } from './users/me.controller';
import { PasswordHasher } from './users/password-hasher';
import { UsersService } from './users/users.service';

/** The e-mail a login/registration is for, hashed so the counter key does not store addresses. */
function emailTracker(req: Record<string, unknown>): string {
  const body = req.body as { email?: unknown } | undefined;
  const raw = typeof body?.email === 'string' ? body.email : '';
  const parsed = normalizeEmail(raw);
  const key = 'normalized' in parsed ? parsed.normalized : raw.toLowerCase();
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/** Rate-limit counters get their own client (for the key prefix); closed with the app below. */
const throttleClients = new Set<Redis>();
function throttleRedis(redis: Redis, config: AppConfig): Redis {
  const client = redis.duplicate({ keyPrefix: `${config.QUEUE_PREFIX}:rl:` });
  client.on('error', () => undefined);
  throttleClients.add(client);
  return client;
}

/**
 * Identity's read ports without its routes or guards: the worker (notifications) reads names and
 * members through here; the API gets the same providers from IdentityModule.
 */
@Module({
  providers: [OrganizationDirectory, MemberDirectory],
  exports: [OrganizationDirectory, MemberDirectory],
})
export class IdentityDirectoryModule {}

@Module({
  imports: [
    IdentityDirectoryModule,
    JwtModule.register({}),
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: Redis) => ({
        // Counters under the deployment's key prefix (tests run side by side with their own prefixes).
        throttlers: [
          {
            name: 'ip',
            ttl: config.LOGIN_WINDOW_SECONDS * 1000,
            limit: config.LOGIN_MAX_ATTEMPTS_PER_IP,
            getTracker: (req: Record<string, unknown>) => String(req.ip),
          },
          {
            name: 'email',
            ttl: config.LOGIN_WINDOW_SECONDS * 1000,
            limit: config.LOGIN_MAX_ATTEMPTS_PER_EMAIL,
            getTracker: emailTracker,
          },
        ],
        storage: new ThrottlerStorageRedisService(throttleRedis(redis, config)),
      }),
    }),
  ],
  controllers: [
    AuthController,
    MeController,
    OrganizationsController,
    InvitationsController,
    AccessGrantsController,
    AuditController,
  ],
  providers: [
    AuthService,
    PrincipalCache,
    TokenService,
    PasswordHasher,
    UsersService,
    OrganizationsService,
    InvitationsService,
    AccessGrantsService,
    AuditService,
    LoginThrottlerGuard,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, PrincipalCache, AccessGrantsService, AuditService, OrganizationsService, IdentityDirectoryModule],
})
export class IdentityModule implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    for (const client of throttleClients) {
      throttleClients.delete(client);
      await client.quit().catch(() => client.disconnect());
    }
  }
}
