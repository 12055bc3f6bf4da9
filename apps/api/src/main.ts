import 'reflect-metadata';
import { ConfigValidationError, exitOnSignals, validateEnv } from '@app/platform';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  const config = validateEnv(process.env);
  const app = await createApiApp();
  exitOnSignals(app, config.SHUTDOWN_TIMEOUT_MS);
  await app.listen({ port: config.PORT, host: config.HOST });
  console.log(`tourong api listening on http://${config.HOST}:${config.PORT}/api/v1 (docs: /api/docs)`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigValidationError) {
    console.error(err.message);
    process.exit(78); // EX_CONFIG
  }
  console.error('tourong api failed to start:', err);
  process.exit(1);
});
