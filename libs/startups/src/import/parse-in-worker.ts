import { existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { ImportFormat, ImportSource } from './import-reader';
import type { ParsedItem } from './parse-rows';

/**
 * The parse thread's memory budget. Reading an xlsx allocates far faster than it retains (SAX events,
 * ExcelJS rows and cells, parsed rows), and V8 lets an old generation grow to several times its live
 * size under that rate — so in the calling process the peak grows with the file even though the live
 * heap is flat. In a thread of its own the heap cannot pass this; V8 collects sooner instead. The
 * budget holds the thread's modules (~50 MB from source) and one workbook's reading state; a file
 * that needs more (a zip bomb) ends the thread and is refused as unreadable.
 */
export const PARSE_WORKER_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 };
/** Rows per message, and messages in flight before the thread waits for the consumer. */
const BATCH_ROWS = 250;
const CREDIT = 2;
/** Bytes of the file per message to the thread (a whole buffer would be copied into its heap at once). */
const CHUNK_BYTES = 64 * 1024;

/** `pass` numbers the opens of the file, so a chunk still in flight for an abandoned pass is dropped. */
export type ToParseWorker =
  | { type: 'chunk'; pass: number; data: Uint8Array }
  | { type: 'eof'; pass: number }
  | { type: 'credit' }
  | { type: 'stop' };
export type FromParseWorker =
  | { type: 'open'; pass: number }
  | { type: 'pull'; pass: number }
  | { type: 'batch'; items: ParsedItem[] }
  | { type: 'done' }
  | { type: 'failed'; message: string };
export interface ParseWorkerData {
  format: ImportFormat;
  batchRows: number;
  credit: number;
}

/** A thread needs JavaScript: from source (ts-node, Jest) it registers ts-node and the @app paths itself. */
function workerOptions() {
  const fromSource = extname(__filename) === '.ts';
  const entry = join(__dirname, `import-parse.worker${fromSource ? '.ts' : '.js'}`);
  if (!fromSource) return { entry, execArgv: undefined, env: undefined };
  const project = process.env.TS_NODE_PROJECT ?? resolve(__dirname, '../../../../tsconfig.json');
  if (!existsSync(project)) throw new Error(`cannot start the import parse thread from source: no ${project}`);
  return {
    entry,
    execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
    env: { ...process.env, TS_NODE_PROJECT: project },
  };
}

/**
 * `parseRows` in a worker thread with a memory budget (PARSE_WORKER_LIMITS): the same items in the same
 * order. The file stays on this side and goes over in 64 KiB chunks as the thread asks for them; parsed
 * rows come back in batches, at most CREDIT ahead of the consumer. A consumer that stops early ends the
 * thread (after its reader has cleaned up its temporary files).
 */
export async function* parseInWorker(
  open: ImportSource,
  format: ImportFormat,
  limits: typeof PARSE_WORKER_LIMITS = PARSE_WORKER_LIMITS,
): AsyncGenerator<ParsedItem> {
  const { entry, execArgv, env } = workerOptions();
  const worker = new Worker(entry, {
    workerData: { format, batchRows: BATCH_ROWS, credit: CREDIT } satisfies ParseWorkerData,
    resourceLimits: limits,
    execArgv,
    env,
    stdout: false,
  });
  const send = (message: ToParseWorker, transfer?: ArrayBuffer[]) => worker.postMessage(message, transfer);
  const batches: ParsedItem[][] = [];
  let done = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const exited = new Promise<void>((settle) => worker.once('exit', () => settle()));
  void exited.then(() => {
    if (!done && !failure) failure = new Error('the import parse thread ended before the file did');
    notify();
  });
  worker.on('error', (err) => {
    failure ??= err;
    notify();
  });

  // The file, read on request: one stream at a time (a CSV is opened twice), one request at a time.
  let stream: Readable | null = null;
  let chunks: AsyncIterator<Buffer> | null = null;
  let rest: Buffer | null = null;
  let pass = 0;
  let reading = Promise.resolve();
  const closeStream = () => stream?.destroy();
  const nextChunk = async (): Promise<Buffer | null> => {
    if (!rest?.length) {
      const next = await chunks!.next();
      if (next.done) return null;
      rest = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    }
    const piece = rest.subarray(0, CHUNK_BYTES);
    rest = rest.subarray(piece.length);
    return piece;
  };
  const serve = (work: () => Promise<void>) => {
    reading = reading.then(work).catch((err: unknown) => {
      failure ??= err as Error;
      notify();
    });
  };
  worker.on('message', (message: FromParseWorker) => {
    switch (message.type) {
      case 'open':
        return serve(async () => {
          closeStream();
          stream = await open();
          chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
          rest = null;
          pass = message.pass;
        });
      case 'pull':
        return serve(async () => {
          if (message.pass !== pass) return;
          const piece = await nextChunk();
          if (!piece) return send({ type: 'eof', pass });
          const data = new Uint8Array(piece); // a copy of its own, handed over whole
          send({ type: 'chunk', pass, data }, [data.buffer]);
        });
      case 'batch':
        batches.push(message.items);
        return notify();
      case 'done':
        done = true;
        return notify();
      case 'failed':
        failure ??= new Error(message.message);
        return notify();
    }
  });

  try {
    for (;;) {
      const batch = batches.shift();
      if (batch) {
        send({ type: 'credit' });
        yield* batch;
        continue;
      }
      if (failure) throw failure;
      if (done) return;
      await new Promise<void>((r) => (wake = r));
    }
  } finally {
    if (!done && !failure) send({ type: 'stop' });
    await exited;
    closeStream();
  }
}
