import { Global, Module } from '@nestjs/common';
import { AppConfig, validateEnv } from './env.schema';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Loads and validates the environment once per process; everything else injects APP_CONFIG. */
@Global()
@Module({
  providers: [{ provide: APP_CONFIG, useFactory: (): AppConfig => validateEnv(process.env) }],
  exports: [APP_CONFIG],
})
export class PlatformConfigModule {}
