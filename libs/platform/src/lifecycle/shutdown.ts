import type { INestApplicationContext } from '@nestjs/common';

/**
 * SIGTERM/SIGINT → close the app (HTTP stops accepting and drains, workers finish or release their
 * jobs, connections close) and exit 0. Nest's own shutdown hooks re-raise the signal, which makes
 * the exit code 143; supervisors read that as a crash, so we handle the signals ourselves.
 */
export function exitOnSignals(app: INestApplicationContext, timeoutMs: number, log = console): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    log.info?.(`${signal} received: draining (at most ${timeoutMs} ms)`);
    const force = setTimeout(() => {
      log.error?.(`shutdown took longer than ${timeoutMs} ms; exiting anyway`);
      process.exit(1);
    }, timeoutMs);
    force.unref();
    app
      .close()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        log.error?.('error while shutting down', err);
        process.exit(1);
      });
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
