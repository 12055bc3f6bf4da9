import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../http/public.decorator';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { platformError } from '../errors/platform.errors';
import { ReadinessRegistry } from './readiness';
import { RedisHealthIndicator } from './redis.health';

@Public()
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly registry: ReadinessRegistry,
  ) {}

  private async extra(
    name: string,
    check: () => Promise<{ ok: boolean; detail?: string; info?: Record<string, unknown> } | void>,
    timeoutMs: number,
  ) {
    const indicator = this.indicators.check(name);
    try {
      const result = await Promise.race([
        check(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`timeout after ${timeoutMs} ms`)), timeoutMs).unref(),
        ),
      ]);
      return result && result.ok === false
        ? indicator.down({ message: result.detail ?? 'down', ...result.info })
        : indicator.up(result?.info);
    } catch (err) {
      return indicator.down({ message: (err as Error).message });
    }
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process is up and its event loop answers.' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({
    summary:
      'Readiness: Postgres, Redis and registered dependencies (a search server) answer. 503 names the failing one.',
  })
  @ApiOkResponse({ description: 'All dependencies answer.' })
  @ApiServiceUnavailableResponse({
    description: '`SERVICE_UNAVAILABLE` with `details.failing` naming each dependency down.',
  })
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.db.pingCheck('database', { timeout: 1500 }),
        () => this.redis.pingCheck('redis', 1500),
        ...this.registry.checks.map((c) => () => this.extra(c.name, () => c.check(), 1500)),
      ]);
    } catch (err) {
      if (!(err instanceof ServiceUnavailableException)) throw err;
      const result = err.getResponse() as HealthCheckResult;
      throw platformError('SERVICE_UNAVAILABLE', {
        failing: Object.keys(result.error ?? {}),
        checks: result.details,
      });
    }
  }
}
