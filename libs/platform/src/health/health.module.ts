import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { ReadinessRegistry } from './readiness';
import { RedisHealthIndicator } from './redis.health';

@Global()
@Module({
  imports: [TerminusModule.forRoot({ logger: false, errorLogStyle: 'json' })],
  controllers: [HealthController],
  providers: [RedisHealthIndicator, ReadinessRegistry],
  exports: [ReadinessRegistry],
})
export class PlatformHealthModule {}
