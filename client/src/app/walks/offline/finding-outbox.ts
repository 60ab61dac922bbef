import { HttpErrorResponse } from '@angular/common/http';
import { DOCUMENT, DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { CreateFindingRequest } from '@samverka/contracts';
import { firstValueFrom } from 'rxjs';
import { newIdempotencyKey } from '../../core/http/idempotency.interceptor';
import { WalksApi } from '../walks-api';
import {
  MemoryQueueStore,
  TransportError,
  endPauses,
  flushQueue,
  newQueuedFinding,
  nextDue,
  type FindingTransport,
  type QueueStore,
  type QueuedFinding,
} from './finding-queue';
import { IdbQueueStore } from './idb-queue-store';

/** A finding in the outbox, as the walk page lists it. */
export type OutboxItem = QueuedFinding<CreateFindingRequest>;

/** The HTTP error as the outbox classifies it. */
function transportError(error: unknown): TransportError {
  if (error instanceof HttpErrorResponse) {
    const body = error.error as { code?: unknown; message?: unknown; field?: unknown } | null;
    const code = typeof body?.code === 'string' ? body.code : error.status === 0 ? 'NETWORK' : `HTTP.${error.status}`;
    const message = typeof body?.message === 'string' ? body.message : '';
    return new TransportError(error.status, code, message, typeof body?.field === 'string' ? body.field : undefined);
  }
  return new TransportError(0, 'NETWORK', '');
}

/**
 * The outbox of the walk pages: findings and photos recorded on the phone go to IndexedDB first and are sent from
 * there – at once, when the connection returns (`online`), when the page becomes visible again, and after failures
 * with growing pauses. It lives as long as the app, so a finding recorded on one walk page is sent even after the user
 * moved on; a reload starts it again from what IndexedDB holds.
 */
@Injectable({ providedIn: 'root' })
export class FindingOutbox {
  private readonly api = inject(WalksApi);
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly store: QueueStore<CreateFindingRequest> = IdbQueueStore.available()
    ? (new IdbQueueStore() as QueueStore<CreateFindingRequest>)
    : new MemoryQueueStore<CreateFindingRequest>();
  private readonly transport: FindingTransport<CreateFindingRequest> = {
    createFinding: (walkId, body, key) => firstValueFrom(this.api.createFinding(walkId, body, key)).catch((e: unknown) => Promise.reject(transportError(e))),
    uploadPhoto: async (walkId, findingId, photo) => {
      await firstValueFrom(this.api.uploadPhoto(walkId, findingId, new Blob([photo.bytes], { type: photo.type }), photo.name, photo.key)).catch((e: unknown) =>
        Promise.reject(transportError(e)),
      );
    },
  };

  private readonly itemsSignal = signal<OutboxItem[]>([]);
  private readonly onlineSignal = signal(this.window?.navigator.onLine ?? true);
  private readonly sendingSignal = signal(false);
  private readonly sentSignal = signal(0);
  private readonly storageErrorSignal = signal(false);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  /** Everything still in the outbox (waiting or refused), oldest first. */
  readonly items = this.itemsSignal.asReadonly();
  /** Whether the browser believes it has a connection. */
  readonly online = this.onlineSignal.asReadonly();
  /** Whether a pass is sending now. */
  readonly sending = this.sendingSignal.asReadonly();
  /** How many findings were sent since the page loaded (the walk page reloads the walk when it grows). */
  readonly sent = this.sentSignal.asReadonly();
  /** IndexedDB failed: recorded findings may not survive a reload. */
  readonly storageError = this.storageErrorSignal.asReadonly();
  /** Findings waiting to be sent (not refused). */
  readonly waiting = computed(() => this.itemsSignal().filter((i) => !i.refusal));
  /** Findings the API refused: they wait for the user. */
  readonly refused = computed(() => this.itemsSignal().filter((i) => i.refusal));

  constructor() {
    const w = this.window;
    if (w) {
      const online = () => {
        this.onlineSignal.set(true);
        void endPauses(this.store).then(() => this.flush());
      };
      const offline = () => this.onlineSignal.set(false);
      const visible = () => {
        if (w.document.visibilityState === 'visible') void this.flush();
      };
      w.addEventListener('online', online);
      w.addEventListener('offline', offline);
      w.document.addEventListener('visibilitychange', visible);
      inject(DestroyRef).onDestroy(() => {
        w.removeEventListener('online', online);
        w.removeEventListener('offline', offline);
        w.document.removeEventListener('visibilitychange', visible);
        if (this.timer) clearTimeout(this.timer);
      });
    }
    void this.flush();
  }

  /** The outbox items of one walk. */
  forWalk(walkId: string): OutboxItem[] {
    return this.itemsSignal().filter((i) => i.walkId === walkId);
  }

  /**
   * Keeps a finding just recorded (in IndexedDB, before anything is sent), each photo with its own key, and starts
   * sending. Resolves once it is stored on the phone.
   */
  async record(walkId: string, body: CreateFindingRequest, summary: string, photos: readonly File[]): Promise<void> {
    const files = await Promise.all(
      photos.map(async (file) => ({
        key: newIdempotencyKey(),
        name: file.name || 'foto.jpg',
        type: file.type || 'image/jpeg',
        bytes: await file.arrayBuffer(),
      })),
    );
    const item = newQueuedFinding<CreateFindingRequest>({
      key: newIdempotencyKey(),
      walkId,
      recordedAt: body.recordedAt ?? new Date().toISOString(),
      body,
      summary,
      photos: files,
    });
    try {
      await this.store.put(item);
    } catch (error) {
      this.storageErrorSignal.set(true);
      throw error;
    }
    await this.refresh();
    void this.flush();
  }

  /** Forgets a refused finding (the user gives up on it). */
  async discard(key: string): Promise<void> {
    await this.store.delete(key);
    await this.refresh();
  }

  /** Sends a refused finding again (after the walk was reopened, or the cause was fixed elsewhere). */
  async retry(key: string): Promise<void> {
    const item = (await this.store.list()).find((i) => i.key === key);
    if (item) await this.store.put({ ...item, refusal: null, attempts: 0, notBefore: 0 });
    await this.refresh();
    await this.flush();
  }

  /** The user's "send now": ends the pauses and sends everything waiting. */
  async sendNow(): Promise<void> {
    await endPauses(this.store);
    await this.flush();
  }

  /** Sends what is due now (one pass at a time; a call during a pass runs another after it). */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.flush();
      }
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    try {
      if (this.onlineSignal()) {
        this.sendingSignal.set(true);
        const result = await flushQueue(this.store, this.transport, Date.now());
        if (result.sent) this.sentSignal.update((n) => n + result.sent);
      }
    } catch {
      this.storageErrorSignal.set(true);
    } finally {
      this.sendingSignal.set(false);
    }
    await this.refresh();
    const due = nextDue(this.itemsSignal(), Date.now());
    const pending = this.itemsSignal().some((i) => !i.refusal);
    // A pause to wait out, or (online, with items that went nowhere) a check every 30 s in case `online` never fires.
    const delay = due !== null ? Math.max(0, due - Date.now()) : pending ? 30_000 : null;
    if (delay !== null) this.timer = setTimeout(() => void this.flush(), delay);
  }

  private async refresh(): Promise<void> {
    try {
      const items = await this.store.list();
      this.itemsSignal.set(items.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)));
    } catch {
      this.storageErrorSignal.set(true);
    }
  }
}
