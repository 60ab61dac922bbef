import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { idempotencyInterceptor } from './idempotency.interceptor';

describe('idempotencyInterceptor', () => {
  let client: HttpClient;
  let http: HttpTestingController;
  const report = { areaId: 'a', description: 'Klotter vid entrén' };

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([idempotencyInterceptor])), provideHttpClientTesting()],
    });
    client = TestBed.inject(HttpClient);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  /** Posts and answers; returns the key the request carried. */
  const post = (url: string, body: unknown, answer: { status: number; statusText: string } | 'network') => {
    client.post(url, body).subscribe({ error: () => undefined });
    const req = http.expectOne(url);
    const key = req.request.headers.get('Idempotency-Key');
    if (answer === 'network') req.error(new ProgressEvent('error'));
    else req.flush(answer.status < 300 ? { id: 'r1' } : { code: 'X' }, answer);
    return key;
  };
  const CREATED = { status: 201, statusText: 'Created' };
  const UNAVAILABLE = { status: 503, statusText: 'Service Unavailable' };

  it('sends a fresh key with every create, and none with reads or sign-in', () => {
    const a = post('/api/reports', report, CREATED);
    const b = post('/api/reports', report, CREATED);
    const c = post('/api/cases', { title: 'Nytt' }, CREATED);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set([a, b, c]).size).toBe(3);

    client.get('/api/reports').subscribe();
    expect(http.expectOne('/api/reports').request.headers.has('Idempotency-Key')).toBe(false);
    client.post('/api/auth/login', {}).subscribe();
    expect(http.expectOne('/api/auth/login').request.headers.has('Idempotency-Key')).toBe(false);
  });

  it('reuses the key when the same submission is retried after a 503 or a lost connection, until it gets an answer', () => {
    const first = post('/api/reports', report, UNAVAILABLE);
    const retry = post('/api/reports', { ...report }, 'network');
    const again = post('/api/reports', report, CREATED);
    expect([retry, again]).toEqual([first, first]);
    // Answered: the same form sent once more is a new report.
    expect(post('/api/reports', report, CREATED)).not.toBe(first);
  });

  it('a double click sends the same key twice; another body gets another key', () => {
    client.post('/api/cases/c1/events', { type: 'START_ANALYSIS', version: 1 }).subscribe();
    client.post('/api/cases/c1/events', { type: 'START_ANALYSIS', version: 1 }).subscribe();
    client.post('/api/cases/c1/events', { type: 'DISMISS', version: 1 }).subscribe();
    const reqs = http.match('/api/cases/c1/events');
    const keys = reqs.map((r) => r.request.headers.get('Idempotency-Key'));
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
    reqs.forEach((r) => r.flush({}));
  });

  it('a refused submission (4xx) forgets its key: corrected and sent again, it is a new request', () => {
    const refused = post('/api/reports', report, { status: 422, statusText: 'Unprocessable Entity' });
    expect(post('/api/reports', report, CREATED)).not.toBe(refused);
  });

  it('an upload retried with the same file keeps its key', () => {
    const form = () => {
      const f = new FormData();
      f.append('file', new File(['Tidpunkt;Plats\r\n'], 'händelser.csv', { type: 'text/csv', lastModified: 1 }), 'händelser.csv');
      f.append('mode', 'all_or_nothing');
      return f;
    };
    const first = post('/api/reports/import', form(), { status: 502, statusText: 'Bad Gateway' });
    expect(post('/api/reports/import', form(), { status: 202, statusText: 'Accepted' })).toBe(first);
  });
});
