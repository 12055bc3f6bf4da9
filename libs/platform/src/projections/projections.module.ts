import { Global, Module } from '@nestjs/common';
import { ProjectionFeed } from './projection-feed';

/** Imported by the API app only: the worker publishes, API processes hold the read models. */
@Global()
@Module({ providers: [ProjectionFeed], exports: [ProjectionFeed] })
export class PlatformProjectionsModule {}
