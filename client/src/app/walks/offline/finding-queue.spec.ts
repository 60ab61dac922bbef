import {
  MemoryQueueStore,
  TransportError,
  backoffMs,
  endPauses,
  flushQueue,
  newQueuedFinding,
  nextDue,
  type FindingTransport,
  type QueuedFinding,
  type QueuedPhoto,
} from './finding-queue';

interface Body {
  description: string;
}

/**
 * A server as the API behaves: a create or upload with a key it has seen is replayed, not stored again. `fail` makes
 * the next calls fail (a status per call, 0 = no answer); `lostAnswer` stores the next create but loses its answer.
 */
class FakeServer implements FindingTransport<Body> {
  readonly findings = new Map<string, { id: string; walkId: string; body: Body; photos: Map<string, number> }>();
  readonly calls: string[] = [];
  fail: { status: number; code?: string; message?: string; field?: string }[] = [];
  lostAnswer = false;

  private nextFailure(): void {
    const f = this.fail.shift();
    if (f) throw new TransportError(f.status, f.code ?? (f.status ? `HTTP.${f.status}` : 'NETWORK'), f.message ?? '', f.field);
  }

  async createFinding(walkId: string, body: Body, key: string): Promise<{ id: string }> {
    this.calls.push(`create ${key}`);
    this.nextFailure();
    let stored = this.findings.get(key);
    if (!stored) {
      stored = { id: `f-${this.findings.size + 1}`, walkId, body, photos: new Map() };
      this.findings.set(key, stored);
    }
    if (this.lostAnswer) {
      this.lostAnswer = false;
      throw new TransportError(0, 'NETWORK', '');
    }
    return { id: stored.id };
  }

  async uploadPhoto(walkId: string, findingId: string, photo: QueuedPhoto): Promise<void> {
    this.calls.push(`photo ${photo.key}`);
    this.nextFailure();
    const finding = [...this.findings.values()].find((f) => f.id === findingId && f.walkId === walkId);
    if (!finding) throw new TransportError(404, 'WALK.FINDING_NOT_FOUND', 'no such finding');
    finding.photos.set(photo.key, photo.bytes.byteLength);
  }

  photoCount(): number {
    return [...this.findings.values()].reduce((n, f) => n + f.photos.size, 0);
  }
}

const jpeg = (size: number) => new Uint8Array(size).fill(0xff).buffer;

function finding(n: number, photos = 0): QueuedFinding<Body> {
  return newQueuedFinding<Body>({
    key: `key-${n}`,
    walkId: 'walk-1',
    recordedAt: `2026-12-02T18:0${n}:00.000Z`,
    body: { description: `Fynd ${n}` },
    summary: `Fynd ${n}`,
    photos: Array.from({ length: photos }, (_, i) => ({ key: `key-${n}-photo-${i}`, name: `foto-${i}.jpg`, type: 'image/jpeg', bytes: jpeg(100 + i) })),
  });
}

const noJitter = () => 0.5;

describe('the walk outbox', () => {
  let store: MemoryQueueStore<Body>;
  let server: FakeServer;

  beforeEach(() => {
    store = new MemoryQueueStore<Body>();
    server = new FakeServer();
  });

  it('sends queued findings with their photos once, oldest first, and empties the outbox', async () => {
    await store.put(finding(2, 1));
    await store.put(finding(1, 2));
    const result = await flushQueue(store, server, 1_000, noJitter);
    expect(result).toEqual({ sent: 2, retry: 0, refused: 0, waiting: 0 });
    expect(server.calls).toEqual(['create key-1', 'photo key-1-photo-0', 'photo key-1-photo-1', 'create key-2', 'photo key-2-photo-0']);
    expect(server.findings.size).toBe(2);
    expect(server.photoCount()).toBe(3);
    expect(await store.list()).toEqual([]);
  });

  it('keeps everything while offline, with a growing pause, and sends it once when the connection returns', async () => {
    await store.put(finding(1, 1));
    await store.put(finding(2));
    server.fail = [{ status: 0 }];
    expect(await flushQueue(store, server, 0, noJitter)).toEqual({ sent: 0, retry: 1, refused: 0, waiting: 0 });
    // The pass stops at the first network failure: the second item is not tried in vain.
    expect(server.calls).toEqual(['create key-1']);
    let items = await store.list();
    expect(items).toHaveLength(2);
    const first = items.find((i) => i.key === 'key-1')!;
    expect(first.attempts).toBe(1);
    expect(first.notBefore).toBe(2_000);
    expect(nextDue(items, 0)).toBe(2_000);

    // Not due yet: skipped, the later item is sent (it has had no failure).
    server.calls.length = 0;
    expect(await flushQueue(store, server, 1_000, noJitter)).toEqual({ sent: 1, retry: 0, refused: 0, waiting: 1 });
    expect(server.calls).toEqual(['create key-2']);

    // A 503 while due: the pause doubles.
    server.fail = [{ status: 503 }];
    await flushQueue(store, server, 2_000, noJitter);
    items = await store.list();
    expect(items[0].attempts).toBe(2);
    expect(items[0].notBefore).toBe(2_000 + 4_000);

    await flushQueue(store, server, 6_000, noJitter);
    expect(await store.list()).toEqual([]);
    expect(server.findings.size).toBe(2);
    expect(server.photoCount()).toBe(1);
  });

  it('never doubles a finding whose answer was lost: the resend carries the same key and the server replays', async () => {
    await store.put(finding(1, 1));
    server.lostAnswer = true;
    expect((await flushQueue(store, server, 0, noJitter)).retry).toBe(1);
    expect(server.findings.size).toBe(1);
    await flushQueue(store, server, 10_000, noJitter);
    expect(server.calls).toEqual(['create key-1', 'create key-1', 'photo key-1-photo-0']);
    expect(server.findings.size).toBe(1);
    expect(server.photoCount()).toBe(1);
    expect(await store.list()).toEqual([]);
  });

  it('remembers a stored finding and its sent photos, so a reload or a failed photo sends only what is missing', async () => {
    await store.put(finding(1, 3));
    // The create and the first photo go through; the second photo meets no connection.
    const origUpload = server.uploadPhoto.bind(server);
    let uploads = 0;
    server.uploadPhoto = async (w, f, p) => {
      if (++uploads === 2) {
        server.calls.push(`photo ${p.key}`);
        throw new TransportError(0, 'NETWORK', '');
      }
      return origUpload(w, f, p);
    };
    await flushQueue(store, server, 0, noJitter);
    const [waiting] = await store.list();
    expect(waiting.findingId).toBe('f-1');
    expect(waiting.photos.map((p) => p.sent)).toEqual([true, false, false]);

    // A reload: a new store object over the same data would list the same item; the next pass continues.
    server.uploadPhoto = origUpload;
    server.calls.length = 0;
    await flushQueue(store, server, 60_000, noJitter);
    expect(server.calls).toEqual(['photo key-1-photo-1', 'photo key-1-photo-2']);
    expect(server.findings.size).toBe(1);
    expect(server.photoCount()).toBe(3);
  });

  it('keeps a refused item with the reason (and the photo it concerns), does not resend it, and goes on with the others', async () => {
    await store.put(finding(1, 1));
    await store.put(finding(2));
    server.fail = [{ status: 422, code: 'VALIDATION', message: 'Beskrivningen är för lång.', field: 'description' }];
    expect(await flushQueue(store, server, 0, noJitter)).toEqual({ sent: 1, retry: 0, refused: 1, waiting: 0 });
    const [refused] = await store.list();
    expect(refused.key).toBe('key-1');
    expect(refused.refusal).toEqual({ status: 422, code: 'VALIDATION', message: 'Beskrivningen är för lång.', field: 'description' });

    server.calls.length = 0;
    await flushQueue(store, server, 100_000, noJitter);
    expect(server.calls).toEqual([]);
    expect(nextDue(await store.list(), 0)).toBeNull();

    // A refused photo names the file.
    await store.put(finding(3, 2));
    let uploads = 0;
    const origUpload = server.uploadPhoto.bind(server);
    server.uploadPhoto = async (w, f, p) => {
      if (++uploads === 2) throw new TransportError(415, 'WALK.PHOTO_TYPE', 'Filen foto-1.jpg är ingen bild.', 'photo');
      return origUpload(w, f, p);
    };
    await flushQueue(store, server, 100_000, noJitter);
    const third = (await store.list()).find((i) => i.key === 'key-3')!;
    expect(third.refusal).toMatchObject({ status: 415, photo: 'foto-1.jpg' });
    expect(third.photos.map((p) => p.sent)).toEqual([true, false]);
  });

  it('treats timeouts and throttling as passing, other 4xx as refusals', async () => {
    for (const status of [408, 429, 500, 502, 503]) {
      const s = new MemoryQueueStore<Body>();
      await s.put(finding(1));
      server.fail = [{ status }];
      expect((await flushQueue(s, server, 0, noJitter)).retry).toBe(1);
    }
    for (const status of [400, 403, 404, 409, 413, 422]) {
      const s = new MemoryQueueStore<Body>();
      await s.put(finding(1));
      server.fail = [{ status }];
      expect((await flushQueue(s, server, 0, noJitter)).refused).toBe(1);
    }
  });

  it('pauses 2 s, doubling to at most 5 minutes, with ±20 % jitter', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, noJitter))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(backoffMs(20, noJitter)).toBe(300_000);
    expect(backoffMs(1, () => 0)).toBe(1_600);
    expect(backoffMs(1, () => 1)).toBe(2_400);
  });
});

describe('endPauses', () => {
  it('makes every waiting item due at once (the connection returned), but leaves refusals alone', async () => {
    const store = new MemoryQueueStore<Body>();
    await store.put({ ...finding(1), attempts: 3, notBefore: 50_000 });
    await store.put({ ...finding(2), notBefore: 50_000, refusal: { status: 422, code: 'X', message: 'nej' } });
    await endPauses(store);
    const items = await store.list();
    expect(items.find((i) => i.key === 'key-1')!.notBefore).toBe(0);
    expect(items.find((i) => i.key === 'key-2')!.notBefore).toBe(50_000);
    const server = new FakeServer();
    expect(await flushQueue(store, server, 1, noJitter)).toEqual({ sent: 1, retry: 0, refused: 0, waiting: 0 });
  });
});
