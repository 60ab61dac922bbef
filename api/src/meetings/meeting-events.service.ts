import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { filter, Observable, Subject } from 'rxjs';
import { DataSource, EntityManager } from 'typeorm';
import { meetingsRepository } from './meetings.repository';

/** What participants are told when a meeting changes: reload to this version. */
export interface MeetingChange {
  meetingId: string;
  version: number;
  change: string;
  currentItemId: string | null;
}

/**
 * Real-time fan-out of meeting changes through PostgreSQL LISTEN/NOTIFY, so that participants connected to any API
 * process see the current item and the decisions appear. Notifications are sent inside the changing transaction and
 * so are delivered only when it commits.
 */
@Injectable()
export class MeetingEventsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(MeetingEventsService.name);
  private readonly changes = new Subject<MeetingChange>();
  private client: Client | null = null;
  private stopped = false;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: (this.db.options as { url: string }).url, application_name: 'samverka-listen' });
    client.on('notification', (msg) => {
      try {
        this.changes.next(JSON.parse(msg.payload ?? '{}') as MeetingChange);
      } catch {
        /* ignore foreign payloads */
      }
    });
    client.on('error', (e) => {
      this.logger.warn(`LISTEN connection lost (${e.message}); reconnecting`);
      this.client = null;
      void client.end().catch(() => undefined);
      setTimeout(() => void this.listen().catch(() => undefined), 1000).unref();
    });
    try {
      await client.connect();
      await meetingsRepository.listen(client);
      this.client = client;
    } catch (e) {
      this.logger.warn(`cannot LISTEN (${(e as Error).message}); retrying`);
      await client.end().catch(() => undefined);
      setTimeout(() => void this.listen().catch(() => undefined), 1000).unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.changes.complete();
    await this.client?.end().catch(() => undefined);
  }

  /** Announces a change; call inside the transaction that makes it. */
  async publish(m: EntityManager, change: MeetingChange): Promise<void> {
    await meetingsRepository.notify(m, JSON.stringify(change));
  }

  /** The changes of one meeting. */
  of(meetingId: string): Observable<MeetingChange> {
    return this.changes.pipe(filter((c) => c.meetingId === meetingId));
  }
}
