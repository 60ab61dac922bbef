import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { QueueStore, QueuedFinding } from './finding-queue';

/** The IndexedDB database of the walk outbox; one object store keyed by the finding's Idempotency-Key. */
export const OUTBOX_DB = 'samverka-walks';
const STORE = 'findings';

interface OutboxSchema extends DBSchema {
  [STORE]: { key: string; value: QueuedFinding };
}

/**
 * The outbox in IndexedDB, so that findings and photos recorded offline survive a reload, a closed tab or a phone
 * that kills the browser. Each write is one transaction with the whole item.
 */
export class IdbQueueStore implements QueueStore {
  private db: Promise<IDBPDatabase<OutboxSchema>> | null = null;

  private open(): Promise<IDBPDatabase<OutboxSchema>> {
    this.db ??= openDB<OutboxSchema>(OUTBOX_DB, 1, {
      upgrade(db) {
        db.createObjectStore(STORE, { keyPath: 'key' });
      },
    });
    return this.db;
  }

  async list(): Promise<QueuedFinding[]> {
    return (await this.open()).getAll(STORE);
  }

  async put(item: QueuedFinding): Promise<void> {
    await (await this.open()).put(STORE, item);
  }

  async delete(key: string): Promise<void> {
    await (await this.open()).delete(STORE, key);
  }

  /** Whether this browser offers IndexedDB at all. */
  static available(): boolean {
    return typeof indexedDB !== 'undefined';
  }
}
