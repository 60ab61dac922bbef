import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ActionPlanView } from './action-plan';
import type { MinutesView } from './minutes';
import type { WalkInvitationView, WalkReportView } from './walk';

export type DocumentJob =
  | { kind: 'action-plan'; view: ActionPlanView }
  | { kind: 'minutes'; view: MinutesView }
  | { kind: 'walk-report'; view: WalkReportView }
  | { kind: 'walk-invitation'; view: WalkInvitationView };

const WORKER_FILE = join(__dirname, 'render-worker.js');
let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { worker: Worker; resolve: (pdf: Buffer) => void; reject: (e: Error) => void }>();

function startWorker(): Worker {
  const w = new Worker(WORKER_FILE);
  // An idle worker does not keep the process alive; pending jobs do (they hold the caller's request).
  w.unref();
  w.on('message', (m: { id: number; pdf?: Uint8Array; error?: string }) => {
    const job = pending.get(m.id);
    if (!job) return;
    pending.delete(m.id);
    if (m.pdf) job.resolve(Buffer.from(m.pdf.buffer, m.pdf.byteOffset, m.pdf.byteLength));
    else job.reject(new Error(m.error ?? 'the PDF could not be rendered'));
  });
  // A worker that dies fails its own jobs; the next job starts a new one.
  const fail = (e: Error) => {
    if (worker === w) worker = null;
    for (const [id, job] of pending) {
      if (job.worker !== w) continue;
      pending.delete(id);
      job.reject(e);
    }
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`the PDF worker stopped (exit code ${code})`)));
  return w;
}

/**
 * Renders an action plan or minutes to PDF bytes off the main thread, in one long-lived worker (jobs queue in it),
 * so that the API keeps answering while a large document is laid out. Where no compiled worker exists (the
 * TypeScript sources under jest), it renders in this thread.
 */
export function renderDocument(job: DocumentJob): Promise<Buffer> {
  if (!existsSync(WORKER_FILE)) {
    // Loaded only here: with the worker, pdfmake and the fonts stay out of the API's own thread.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { renderPdf } = require('./render') as typeof import('./render');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { documentOf } = require('./documents') as typeof import('./documents');
    return renderPdf(documentOf(job));
  }
  const w = (worker ??= startWorker());
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    pending.set(id, { worker: w, resolve, reject });
    w.postMessage({ id, ...job });
  });
}

/** Stops the worker (at shutdown); a later job starts a new one. */
export async function stopRenderWorker(): Promise<void> {
  const w = worker;
  worker = null;
  await w?.terminate();
}
