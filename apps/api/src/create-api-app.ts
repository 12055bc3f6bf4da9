import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_PREFIX, configureHttpApp, createHttpAdapter, validateEnv } from '@app/platform';
import { mountAdminQueues } from './admin-queues';
import { AppModule } from './app.module';
import { mountWebApp } from './web-app';

/** Builds the API exactly as production runs it; e2e tests call this too. */
export async function createApiApp(): Promise<NestFastifyApplication> {
  const config = validateEnv(process.env);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createHttpAdapter(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  await configureHttpApp(app, {
    prefix: API_PREFIX,
    openApi: {
      title: 'Tourong API',
      description: 'Tourong (投融): investment matching for tech-finance roadshows and venture funds.',
    },
  });
  // Uploads (decks, imports): one file per request; each route applies its own, smaller size limit.
  await app.register(multipart as never, { limits: { files: 1, fields: 10, fileSize: 50 * 1024 * 1024 }, throwFileSizeLimit: true });
  await mountAdminQueues(app);
  // Last: the SPA fallback is a catch-all GET beneath every API route.
  await mountWebApp(app, config.WEB_DIST_DIR);
  return app;
}
