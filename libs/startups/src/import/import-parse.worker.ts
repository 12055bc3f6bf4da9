// The import's parse thread (parse-in-worker.ts starts it): reads the file it is fed and posts parsed rows back.
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import type { FromParseWorker, ParseWorkerData, ToParseWorker } from './parse-in-worker';
import { ParsedItem, parseRows } from './parse-rows';

const port = parentPort!;
const { format, batchRows, credit: initialCredit } = workerData as ParseWorkerData;
const post = (message: FromParseWorker) => port.postMessage(message);

let input: Readable | null = null;
let pass = 0;
let credit = initialCredit;
let stopped = false;
let resume: (() => void) | null = null;

port.on('message', (message: ToParseWorker) => {
  switch (message.type) {
    case 'chunk':
      if (message.pass === pass)
        input?.push(Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength));
      return;
    case 'eof':
      if (message.pass === pass) input?.push(null);
      return;
    case 'credit':
      credit++;
      break;
    case 'stop':
      stopped = true;
      break;
  }
  resume?.();
  resume = null;
});

/** Each open is a fresh pass over the file from its start, pulled a chunk at a time. */
async function open(): Promise<Readable> {
  input?.destroy();
  const current = ++pass;
  post({ type: 'open', pass: current });
  const stream = new Readable({ read: () => post({ type: 'pull', pass: current }) });
  input = stream;
  return stream;
}

async function run(): Promise<void> {
  let batch: ParsedItem[] = [];
  const flush = async () => {
    while (credit === 0 && !stopped) await new Promise<void>((r) => (resume = r));
    if (stopped) return;
    credit--;
    post({ type: 'batch', items: batch });
    batch = [];
  };
  try {
    for await (const item of parseRows(open, format)) {
      batch.push(item);
      // The header row goes at once: the consumer may stop there (missing columns).
      if (batch.length === batchRows || 'headers' in item) await flush();
      if (stopped) break; // the reader's own cleanup still runs (it drains the workbook)
    }
    if (batch.length) await flush();
    post({ type: 'done' });
  } catch (err) {
    post({ type: 'failed', message: (err as Error).message });
  } finally {
    port.close();
  }
}

void run();
