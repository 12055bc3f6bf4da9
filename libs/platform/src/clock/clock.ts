import { Global, Module } from '@nestjs/common';

/** Services ask the clock for "now" so tests can pin time; pure engines take dates as inputs. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

@Global()
@Module({ providers: [{ provide: CLOCK, useValue: systemClock }], exports: [CLOCK] })
export class PlatformClockModule {}
