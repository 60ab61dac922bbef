import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CreateFindingRequest } from '@samverka/contracts';
import { idempotencyInterceptor } from '../../core/http/idempotency.interceptor';
import { FindingOutbox } from './finding-outbox';

/** Lets the outbox's promise chains (store, HTTP) run to their next wait. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

const body: CreateFindingRequest = {
  placeId: 'p1',
  checklistItemKey: 'lighting',
  description: 'Trasig belysning i gångtunneln',
  severity: 'high',
  recordedAt: '2026-12-02T18:05:00.000Z',
};

/** A File whose bytes can be read (jsdom's File has no arrayBuffer()). */
function photo(name: string, bytes: number[]): File {
  const file = new File([new Uint8Array(bytes)], name, { type: 'image/jpeg' });
  Object.defineProperty(file, 'arrayBuffer', { value: async () => new Uint8Array(bytes).buffer });
  return file;
}

/**
 * The outbox in the app, over HTTP: (jsdom has no IndexedDB, so it uses the in-memory store – the same code path but
 * the storage). Offline it sends nothing; the `online` event sends the finding and then its photo, each with the key
 * made when it was recorded, and a resend after a lost answer carries the same keys.
 */
describe('FindingOutbox', () => {
  let http: HttpTestingController;
  let outbox: FindingOutbox;

  beforeEach(() => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    TestBed.configureTestingModule({ providers: [provideHttpClient(withInterceptors([idempotencyInterceptor])), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    outbox = TestBed.inject(FindingOutbox);
  });
  afterEach(() => http.verify());

  it('keeps a finding recorded offline, sends it with its photo when the connection returns, with stable keys', async () => {
    await outbox.record('w1', body, 'Trasig belysning', [photo('lampa.jpg', [0xff, 0xd8, 0xff, 0xd9])]);
    await settle();
    http.expectNone('/api/walks/w1/findings');
    expect(outbox.waiting().length).toBe(1);
    expect(outbox.online()).toBe(false);

    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => true });
    window.dispatchEvent(new Event('online'));
    await settle();
    const create = http.expectOne('/api/walks/w1/findings');
    const key = create.request.headers.get('Idempotency-Key');
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(create.request.body).toEqual(body);
    // The answer is lost: the finding stays (pausing before the next try), and is sent again with the same key when
    // the connection is back.
    create.error(new ProgressEvent('error'));
    await settle();
    expect(outbox.waiting()[0].attempts).toBe(1);
    expect(outbox.waiting()[0].notBefore).toBeGreaterThan(Date.now());
    window.dispatchEvent(new Event('online'));
    await settle();
    const again = http.expectOne('/api/walks/w1/findings');
    expect(again.request.headers.get('Idempotency-Key')).toBe(key);
    again.flush({ id: 'f1' }, { status: 201, statusText: 'Created' });
    await settle();

    const upload = http.expectOne('/api/walks/w1/findings/f1/photos');
    const form = upload.request.body as FormData;
    expect(form.get('confirmNoFaces')).toBe('true');
    expect((form.get('photo') as File).name).toBe('lampa.jpg');
    const photoKey = upload.request.headers.get('Idempotency-Key');
    expect(photoKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(photoKey).not.toBe(key);
    upload.flush({ id: 'ph1' }, { status: 201, statusText: 'Created' });
    await settle();
    expect(outbox.items()).toEqual([]);
    expect(outbox.sent()).toBe(1);
  });

  it('"send now" ends the pause after a failure and sends at once, with the same key', async () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => true });
    window.dispatchEvent(new Event('online'));
    await outbox.record('w1', body, 'Trasig belysning', []);
    await settle();
    const first = http.expectOne('/api/walks/w1/findings');
    const key = first.request.headers.get('Idempotency-Key');
    first.error(new ProgressEvent('error'));
    await settle();
    expect(outbox.waiting()[0].notBefore).toBeGreaterThan(Date.now());
    // Within the pause, a plain pass sends nothing…
    await outbox.flush();
    http.expectNone('/api/walks/w1/findings');
    // …the user's "send now" does.
    void outbox.sendNow();
    await settle();
    const now = http.expectOne('/api/walks/w1/findings');
    expect(now.request.headers.get('Idempotency-Key')).toBe(key);
    now.flush({ id: 'f1' }, { status: 201, statusText: 'Created' });
    await settle();
    expect(outbox.items()).toEqual([]);
  });

  it('shows a refusal per finding and does not resend it until asked', async () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => true });
    window.dispatchEvent(new Event('online'));
    await outbox.record('w1', body, 'Trasig belysning', []);
    await settle();
    http
      .expectOne('/api/walks/w1/findings')
      .flush({ statusCode: 409, code: 'WALK.NOT_RECORDING', message: 'Vandringen tar inte emot fynd nu.' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(outbox.refused().map((i) => i.refusal?.message)).toEqual(['Vandringen tar inte emot fynd nu.']);
    expect(outbox.waiting()).toEqual([]);
    await outbox.flush();
    http.expectNone('/api/walks/w1/findings');
    await outbox.discard(outbox.refused()[0].key);
    expect(outbox.items()).toEqual([]);
  });
});
