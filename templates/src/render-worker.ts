/**
 * The worker thread that renders PDFs (see `renderDocument`): pdfmake lays a document out synchronously, and a plan
 * of a thousand actions would otherwise hold the API's event loop for seconds. Jobs arrive one at a time as
 * `{ id, kind, view }` and are answered with `{ id, pdf }` or `{ id, error }`.
 */
import { parentPort } from 'node:worker_threads';
import { documentOf } from './documents';
import { renderPdf } from './render';
import type { DocumentJob } from './render-pool';

type Job = DocumentJob & { id: number };

parentPort?.on('message', (job: Job) => {
  Promise.resolve()
    .then(() => renderPdf(documentOf(job)))
    .then(
      // Copied, not transferred: a small Buffer may share its memory with others in Node's pool.
      (pdf) => parentPort?.postMessage({ id: job.id, pdf }),
      (e: unknown) => parentPort?.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) }),
    );
});
