import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigValidationError, configureHttpApp, createHttpAdapter, exitOnSignals, validateEnv } from '@app/platform';
import { WorkerModule } from './worker.module';

/** The job worker: BullMQ processors and the outbox relay. Its only HTTP routes are /health/*. */
async function main(): Promise<void> {
  const config = validateEnv(process.env);
  const app = await NestFactory.create<NestFastifyApplication>(WorkerModule, createHttpAdapter(config), {
    bufferLogs: true,
  });
  await configureHttpApp(app);
  exitOnSignals(app, config.SHUTDOWN_TIMEOUT_MS);
  await app.listen({ port: config.WORKER_HEALTH_PORT, host: config.HOST });
  console.log(`tourong worker running (health on http://${config.HOST}:${config.WORKER_HEALTH_PORT}/health/ready)`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigValidationError) {
    console.error(err.message);
    process.exit(78);
  }
  console.error('tourong worker failed to start:', err);
  process.exit(1);
});
