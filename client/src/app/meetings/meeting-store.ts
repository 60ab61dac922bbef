import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { ApiError, MeetingDto } from '@samverka/contracts';
import { Observable, Subscription, firstValueFrom } from 'rxjs';
import { toApiError } from '../core/http/api-error';
import { I18n } from '../core/i18n/i18n';
import { meetingErrorText } from './meeting-messages';
import { MEETING_EVENT_SOURCE, MeetingEventSource, parseChange } from './meeting-stream';
import { MeetingsApi } from './meetings-api';

/** The outcome of a change: the updated meeting, or the error with its text (a stale version has been reloaded). */
export type ChangeResult = { ok: true; meeting: MeetingDto } | { ok: false; error: ApiError; message: string };

/** Whether the live updates are connected. */
export type LiveState = 'off' | 'connecting' | 'live' | 'reconnecting';

/**
 * One meeting as a page holds it (provided by the meeting page and the presenter view): loading, the live updates
 * over server-sent events, and every change sent with the version read. A `MEETING.STALE_VERSION` answer reloads the
 * meeting and tells the user.
 */
@Injectable()
export class MeetingStore {
  private readonly api = inject(MeetingsApi);
  private readonly i18n = inject(I18n);
  private readonly openSource = inject(MEETING_EVENT_SOURCE);

  private readonly current = signal<MeetingDto | null>(null);
  /** The meeting as last read. */
  readonly meeting = this.current.asReadonly();
  readonly loading = signal(false);
  /** Why the meeting could not be read (not found, no access, network). */
  readonly loadError = signal<string | null>(null);
  /** A message for everyone on the page, e.g. "the meeting changed – reloaded". */
  readonly notice = signal<string | null>(null);
  readonly live = signal<LiveState>('off');

  readonly allowed = computed(() => new Set(this.current()?.allowedEvents ?? []));
  /** Decisions, statements and attendance may be recorded now (the RECORD event). */
  readonly canRecord = computed(() => this.allowed().has('RECORD'));
  /** Who takes part may be written down (before the meeting) or corrected (until the minutes are approved). */
  readonly canSetAttendance = computed(() => this.allowed().has('SET_ATTENDANCE'));

  private id: string | null = null;
  private request?: Subscription;
  private source: MeetingEventSource | null = null;
  /** The meeting whose live updates were asked for: they open once it is read and shown in full. */
  private liveFor: string | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.disconnect());
  }

  /** Whether the user may send `event` now (START, SET_CURRENT, END, APPROVE, CANCEL, RECORD, UPDATE_AGENDA). */
  may(event: string): boolean {
    return this.allowed().has(event);
  }

  /** Reads the meeting (and forgets another one that was shown). */
  load(id: string): void {
    if (this.id !== id) {
      this.current.set(null);
      this.notice.set(null);
    }
    this.id = id;
    void this.reload();
  }

  /** Reads the meeting again. */
  reload(): Promise<void> {
    const id = this.id;
    if (!id) return Promise.resolve();
    this.request?.unsubscribe();
    this.loading.set(true);
    return new Promise((resolve) => {
      this.request = this.api.get(id).subscribe({
        next: (m) => {
          this.loading.set(false);
          this.loadError.set(null);
          // An answer older than what a change already returned is not shown (versions only grow).
          const shown = this.current();
          if (m.id === this.id && (!shown || shown.id !== m.id || m.version >= shown.version)) this.current.set(m);
          // Live updates are for the participating organisations: another organisation's administrator sees the
          // meeting for administration only (`detailsVisible` false), and its stream would be refused.
          if (m.id === this.liveFor && m.detailsVisible && !this.source) this.open(m.id);
          if (m.id === this.id && !m.detailsVisible) this.disconnect();
          resolve();
        },
        error: (err: unknown) => {
          this.loading.set(false);
          const missing = err instanceof HttpErrorResponse && (err.status === 404 || err.status === 403);
          this.loadError.set(missing ? this.i18n.t('meetings.error.notFound') : meetingErrorText(toApiError(err), this.i18n));
          resolve();
        },
      });
    });
  }

  /**
   * Follows the meeting's server-sent events once the meeting is read and shown in full: each announced version newer
   * than the one shown is read again.
   */
  connect(id: string): void {
    this.disconnect();
    this.liveFor = id;
    const shown = this.current();
    if (shown?.id === id && shown.detailsVisible) this.open(id);
  }

  private open(id: string): void {
    const source = this.openSource(this.api.streamUrl(id));
    if (!source) return;
    this.source = source;
    this.live.set('connecting');
    source.addEventListener('open', () => this.live.set('live'));
    source.addEventListener('error', () => this.live.set('reconnecting'));
    source.addEventListener('meeting', (event) => this.onChange(event.data));
  }

  /** Handles one `event: meeting` message (public for the specs' fake EventSource). */
  onChange(data: string): void {
    const change = parseChange(data);
    if (!change || change.meetingId !== this.id) return;
    this.live.set('live');
    const shown = this.current();
    if (!shown || change.version !== shown.version) void this.reload();
  }

  /** Closes the live updates. */
  disconnect(): void {
    this.source?.close();
    this.source = null;
    this.liveFor = null;
    this.live.set('off');
  }

  /**
   * Sends a change built with the version read; shows the answer. On a stale version the meeting is read again and
   * the user told; the caller gets the error either way (to put field errors on its form).
   */
  async change(request: (meeting: MeetingDto) => Observable<MeetingDto>): Promise<ChangeResult> {
    const meeting = this.current();
    if (!meeting) return { ok: false, error: { statusCode: 0, code: 'UNKNOWN', message: '' }, message: this.i18n.t('common.unexpectedError') };
    try {
      const updated = await firstValueFrom(request(meeting));
      this.notice.set(null);
      if (updated.id === this.id) this.current.set(updated);
      return { ok: true, meeting: updated };
    } catch (err: unknown) {
      const error = toApiError(err);
      const message = meetingErrorText(error, this.i18n);
      if (error.code === 'MEETING.STALE_VERSION' || error.code === 'CASE.STALE_VERSION') {
        this.notice.set(message);
        await this.reload();
      }
      return { ok: false, error, message };
    }
  }
}
