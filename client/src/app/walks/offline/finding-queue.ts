/**
 * The outbox of findings recorded on a walk. A finding and its photos are written to a `QueueStore` (IndexedDB in the
 * browser) the moment they are recorded, each with an Idempotency-Key made then, and sent from there: at once when
 * online, again when the connection returns and after a failure with growing pauses. The keys never change, so a
 * resend after a lost answer, a reload or a second tab replays on the server instead of storing twice.
 *
 * Pure TypeScript (no Angular): the service in `finding-outbox.ts` gives it a store, a transport and a clock.
 */

/** A photo waiting to be sent: its bytes (an ArrayBuffer: Safari long refused Blobs in IndexedDB) and its own key. */
export interface QueuedPhoto {
  /** The photo upload's Idempotency-Key, made when the photo was recorded. */
  key: string;
  name: string;
  type: string;
  bytes: ArrayBuffer;
  /** Sent and stored by the API (the photo is not sent again). */
  sent: boolean;
}

/** Why the API refused an item (a 4xx other than a timeout or throttling): it waits for the user, it is not resent. */
export interface QueueRefusal {
  status: number;
  code: string;
  message: string;
  field?: string;
  /** Which photo (its name) the refusal is about, when it is about one. */
  photo?: string;
}

/** One finding in the outbox. */
export interface QueuedFinding<Body = unknown> {
  /** The finding's Idempotency-Key, made when it was recorded; also its id in the outbox. */
  key: string;
  walkId: string;
  /** When it was recorded (ISO 8601), for ordering and for the list on the phone. */
  recordedAt: string;
  /** The create request as the API takes it. */
  body: Body;
  /** A short text for the list on the phone ("Trasig belysning vid gångtunneln"). */
  summary: string;
  photos: QueuedPhoto[];
  /** The finding's id once the API stored it (its photos may still be waiting). */
  findingId: string | null;
  /** Failed attempts in a row (a network failure or a 5xx); decides the pause before the next one. */
  attempts: number;
  /** Not before this time (ms since the epoch) is it sent again after a failure. */
  notBefore: number;
  refusal: QueueRefusal | null;
}

/** Where the outbox lives: IndexedDB in the browser, a Map in the tests. Every write is one item, whole. */
export interface QueueStore<Body = unknown> {
  list(): Promise<QueuedFinding<Body>[]>;
  put(item: QueuedFinding<Body>): Promise<void>;
  delete(key: string): Promise<void>;
}

/** An error of the transport: the HTTP status (0 when there was no answer) and the API's error body, if any. */
export class TransportError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** How a queued finding reaches the API (HTTP in the browser). Both calls send the given Idempotency-Key. */
export interface FindingTransport<Body = unknown> {
  /** Creates the finding; answers its id. */
  createFinding(walkId: string, body: Body, key: string): Promise<{ id: string }>;
  /** Adds one photo to a stored finding. */
  uploadPhoto(walkId: string, findingId: string, photo: QueuedPhoto): Promise<void>;
}

/** The outcome of one attempt of one item. */
export type SendOutcome = 'sent' | 'retry' | 'refused';

/** Failures after which the outcome is unknown or may change by itself: no answer, a timeout, throttling, a 5xx. */
export function isTransient(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

/** The pause before the next attempt after `attempts` failures in a row: 2 s doubling to 5 minutes, ±20 %. */
export function backoffMs(attempts: number, random = Math.random): number {
  const base = Math.min(300_000, 2_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** A new outbox item for a finding just recorded (photos not yet sent, nothing refused). */
export function newQueuedFinding<Body>(input: {
  key: string;
  walkId: string;
  recordedAt: string;
  body: Body;
  summary: string;
  photos: { key: string; name: string; type: string; bytes: ArrayBuffer }[];
}): QueuedFinding<Body> {
  return {
    ...input,
    photos: input.photos.map((p) => ({ ...p, sent: false })),
    findingId: null,
    attempts: 0,
    notBefore: 0,
    refusal: null,
  };
}

function refusalOf(error: unknown, photo?: string): QueueRefusal | null {
  if (error instanceof TransportError) {
    if (isTransient(error.status)) return null;
    return { status: error.status, code: error.code, message: error.message, field: error.field, ...(photo ? { photo } : {}) };
  }
  // Anything else (a bug, a storage error) is not the API's refusal: try again later rather than drop the finding.
  return null;
}

/**
 * Sends one item as far as it goes: the finding (unless stored already), then each photo not yet sent. Progress is
 * written to the store after every step, so a reload continues where it stopped. A sent item is deleted.
 */
export async function sendItem<Body>(
  item: QueuedFinding<Body>,
  store: QueueStore<Body>,
  transport: FindingTransport<Body>,
  now: number,
  random = Math.random,
): Promise<SendOutcome> {
  let current = item;
  const fail = async (error: unknown, photo?: string): Promise<SendOutcome> => {
    const refusal = refusalOf(error, photo);
    if (refusal) {
      current = { ...current, refusal };
      await store.put(current);
      return 'refused';
    }
    const attempts = current.attempts + 1;
    current = { ...current, attempts, notBefore: now + backoffMs(attempts, random) };
    await store.put(current);
    return 'retry';
  };

  if (!current.findingId) {
    try {
      const created = await transport.createFinding(current.walkId, current.body, current.key);
      current = { ...current, findingId: created.id, attempts: 0, notBefore: 0 };
      await store.put(current);
    } catch (error) {
      return fail(error);
    }
  }
  for (const photo of current.photos) {
    if (photo.sent) continue;
    try {
      await transport.uploadPhoto(current.walkId, current.findingId!, photo);
    } catch (error) {
      return fail(error, photo.name);
    }
    current = { ...current, attempts: 0, notBefore: 0, photos: current.photos.map((p) => (p.key === photo.key ? { ...p, sent: true } : p)) };
    await store.put(current);
  }
  await store.delete(current.key);
  return 'sent';
}

/** What one pass over the outbox did. */
export interface FlushResult {
  sent: number;
  retry: number;
  refused: number;
  /** Items skipped because their pause had not ended. */
  waiting: number;
}

/**
 * One pass over the outbox, oldest first: every item that is due and not refused is sent. After a network failure
 * the pass stops (the next items would fail the same way); the caller schedules the next pass.
 */
export async function flushQueue<Body>(store: QueueStore<Body>, transport: FindingTransport<Body>, now: number, random = Math.random): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, retry: 0, refused: 0, waiting: 0 };
  const items = (await store.list()).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.key.localeCompare(b.key));
  for (const item of items) {
    if (item.refusal) continue;
    if (item.notBefore > now) {
      result.waiting++;
      continue;
    }
    const outcome = await sendItem(item, store, transport, now, random);
    result[outcome]++;
    if (outcome === 'retry') break;
  }
  return result;
}

/** Ends every pause (the connection has just returned: waiting longer would only delay). */
export async function endPauses<Body>(store: QueueStore<Body>): Promise<void> {
  for (const item of await store.list()) if (item.notBefore > 0 && !item.refusal) await store.put({ ...item, notBefore: 0 });
}

/** The earliest time an item may be tried again (null when nothing waits for a pause: all due, refused or none). */
export function nextDue<Body>(items: readonly QueuedFinding<Body>[], now: number): number | null {
  const due = items.filter((i) => !i.refusal && i.notBefore > now).map((i) => i.notBefore);
  return due.length ? Math.min(...due) : null;
}

/** A copy that shares nothing with the original (as IndexedDB's structured clone gives; jsdom has no structuredClone). */
function copyItem<Body>(item: QueuedFinding<Body>): QueuedFinding<Body> {
  return {
    ...item,
    body: JSON.parse(JSON.stringify(item.body)) as Body,
    photos: item.photos.map((p) => ({ ...p, bytes: p.bytes.slice(0) })),
    refusal: item.refusal ? { ...item.refusal } : null,
  };
}

/** A store in memory (the tests', and the fallback where IndexedDB is unavailable, e.g. some private modes). */
export class MemoryQueueStore<Body = unknown> implements QueueStore<Body> {
  private readonly items = new Map<string, QueuedFinding<Body>>();

  list(): Promise<QueuedFinding<Body>[]> {
    return Promise.resolve([...this.items.values()].map(copyItem));
  }

  put(item: QueuedFinding<Body>): Promise<void> {
    this.items.set(item.key, copyItem(item));
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.items.delete(key);
    return Promise.resolve();
  }
}
