import { ChangeDetectionStrategy, Component, ElementRef, afterRenderEffect, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { MEETING_LIMITS, type AgendaItemDto, type MeetingDto, type MeetingRole } from '@samverka/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth/auth';
import { I18n, TPipe } from '../../core/i18n/i18n';
import { ConfirmDialog, ConfirmDialogData } from '../../core/ui/confirm-dialog';
import { FieldErrorPipe } from '../../core/ui/field-error';
import { Icon } from '../../core/ui/icon';
import { Notifier } from '../../core/ui/notifier';
import { AgendaEditor } from './agenda-editor';
import { Attendance } from './attendance';
import { ItemPanel } from './item-panel';
import { ItemRecord } from '../item-record';
import { meetingTime } from '../meeting-format';
import { MeetingStateChip } from '../meeting-state';
import { MeetingStore } from '../meeting-store';
import { MeetingEventType, MeetingsApi } from '../meetings-api';

/**
 * A meeting as its secretary runs it, and as the other participants follow it: before, the prepared agenda (reorder,
 * add, remove) and the participants; during, the current item with its recording panel (decisions on the cases,
 * statements, notes) and "next/previous item"; after, the minutes draft with corrections and attendance, approval by
 * a chief, then the locked plan and minutes as PDFs and new versions. Live updates keep everyone on the same item.
 */
@Component({
  selector: 'sv-meeting-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [MeetingStore],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatProgressBar,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    TPipe,
    FieldErrorPipe,
    Icon,
    MeetingStateChip,
    AgendaEditor,
    Attendance,
    ItemPanel,
    ItemRecord,
  ],
  templateUrl: './meeting-page.html',
  styleUrl: './meeting-page.scss',
})
export class MeetingPage {
  /** The text lengths the API accepts (contracts/). */
  protected readonly limits = MEETING_LIMITS;
  protected readonly store = inject(MeetingStore);
  private readonly api = inject(MeetingsApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** Where the keyboard focus goes once the page shows the outcome of a step (the pressed button may be gone). */
  private readonly pendingFocus = signal<string | null>(null);
  protected readonly i18n = inject(I18n);

  /** The meeting id (`/meetings/:id`). */
  readonly id = input.required<string>();

  protected readonly meeting = this.store.meeting;
  protected readonly busy = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  /** Items whose details the user opened (the current item is always open during the meeting). */
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly cancelling = signal(false);
  protected readonly cancelReason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.minLength(MEETING_LIMITS.cancelReason.min), Validators.maxLength(MEETING_LIMITS.cancelReason.max)],
  });
  /** Spoken when the current item changes (for everyone following the meeting). */
  protected readonly announcement = signal('');

  protected readonly when = computed(() => {
    const m = this.meeting();
    return m ? meetingTime(m.startsAt, this.i18n.locale()) : '';
  });
  protected readonly currentIndex = computed(() => {
    const m = this.meeting();
    return m?.currentItemId ? m.agenda.findIndex((i) => i.id === m.currentItemId) : -1;
  });
  protected readonly editAgenda = computed(() => this.meeting()?.state === 'planned' && this.store.may('UPDATE_AGENDA'));
  /** The coordinator of a participating organisation may start a new version of approved minutes. */
  protected readonly canRevise = computed(() => {
    const m = this.meeting();
    const me = this.auth.user();
    return !!m && !!me && m.state === 'approved' && me.roles.includes('coordinator') && m.organizations.some((o) => o.id === me.organization.id);
  });
  protected readonly documents = computed(() => {
    const m = this.meeting();
    if (!m) return [];
    return (['sv', 'en'] as const).map((lang) => ({ lang, plan: this.api.planPdfUrl(m.id, lang), minutes: this.api.minutesPdfUrl(m.id, lang) }));
  });
  protected readonly presentUrl = computed(() => `/meetings/${this.id()}/present`);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.expanded.set(new Set());
        this.store.load(id);
        this.store.connect(id);
      });
    });
    // Tell screen-reader users when the meeting moves to another item.
    let lastCurrent: string | null | undefined;
    effect(() => {
      const m = this.meeting();
      const current = m?.currentItemId ?? null;
      if (lastCurrent !== undefined && current && current !== lastCurrent && m) {
        const index = m.agenda.findIndex((i) => i.id === current);
        this.announcement.set(this.i18n.t('meetings.current.announce', { n: index + 1, title: m.agenda[index]?.title ?? '' }));
      }
      lastCurrent = current;
    });
    afterRenderEffect(() => {
      const selector = this.pendingFocus();
      if (!selector) return;
      untracked(() => {
        this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus();
        this.pendingFocus.set(null);
      });
    });
  }

  protected kindLabel(item: AgendaItemDto): string {
    return this.i18n.t(`meetings.itemKind.${item.kind}`);
  }

  protected meetingKind(m: MeetingDto): string {
    return this.i18n.t(`meetings.kind.${m.kind}`);
  }

  protected isOpen(m: MeetingDto, item: AgendaItemDto): boolean {
    return this.expanded().has(item.id) || (m.state === 'in_session' && m.currentItemId === item.id);
  }

  protected toggle(item: AgendaItemDto): void {
    this.expanded.update((set) => {
      const next = new Set(set);
      if (next.has(item.id)) next.delete(item.id);
      else next.add(item.id);
      return next;
    });
  }

  protected names(list: { name: string }[]): string {
    return list.map((x) => x.name).join(', ');
  }

  protected roleLabel(role: MeetingRole): string {
    return this.i18n.t(`meetings.role.${role}`);
  }

  protected approvedAt(m: Pick<MeetingDto, 'approvedAt'>): string {
    return m.approvedAt ? meetingTime(m.approvedAt, this.i18n.locale(), 'medium') : '';
  }

  /** Sends a meeting event (START, SET_CURRENT, END, APPROVE, CANCEL). */
  protected async send(type: MeetingEventType, payload: { itemId?: string; reason?: string } = {}): Promise<boolean> {
    if (this.busy()) return false;
    this.busy.set(type);
    this.actionError.set(null);
    const result = await this.store.change((m) => this.api.send(m.id, type, m.version, payload));
    this.busy.set(null);
    if (!result.ok) {
      this.actionError.set(result.message);
      return false;
    }
    return true;
  }

  protected async start(): Promise<void> {
    if (await this.send('START')) {
      this.notifier.success('meetings.started');
      this.pendingFocus.set('[data-testid="next-item"]');
    }
  }

  /** Goes to the item `step` places away (-1 previous, +1 next). */
  protected async step(step: -1 | 1): Promise<void> {
    const m = this.meeting();
    if (!m) return;
    const index = this.currentIndex() + step;
    const target = m.agenda[index];
    if (!target || !(await this.send('SET_CURRENT', { itemId: target.id }))) return;
    // At either end of the agenda the pressed button is disabled: the focus goes to the other one.
    if (index === 0) this.pendingFocus.set('[data-testid="next-item"]');
    else if (index === m.agenda.length - 1) this.pendingFocus.set('[data-testid="previous-item"]');
  }

  protected async goTo(item: AgendaItemDto): Promise<void> {
    // The "make current" button disappears with it: the focus moves to the item's heading.
    if (await this.send('SET_CURRENT', { itemId: item.id })) this.pendingFocus.set(`#item-${CSS.escape(item.id)}`);
  }

  protected async end(): Promise<void> {
    if (await this.confirm('meetings.end.title', 'meetings.end.message', 'meetings.end')) {
      if (await this.send('END')) {
        this.notifier.success('meetings.ended');
        this.pendingFocus.set('[data-testid="meeting-title"]');
      }
    }
  }

  protected async approve(): Promise<void> {
    if (await this.confirm('meetings.approve.title', 'meetings.approve.message', 'meetings.approve')) {
      if (await this.send('APPROVE')) {
        this.notifier.success('meetings.approved');
        this.pendingFocus.set('#documents-heading');
      }
    }
  }

  /** Shows (or hides) the cancellation form, with the focus in it (or back on its button). */
  protected openCancel(open: boolean): void {
    this.cancelling.set(open);
    this.pendingFocus.set(open ? '[data-testid="cancel-reason"]' : '[data-testid="cancel-meeting"]');
  }

  protected async cancelMeeting(): Promise<void> {
    const reason = this.cancelReason.value.trim();
    if (reason.length < 3) {
      this.cancelReason.setErrors({ message: 'meetings.error.reason' });
      this.cancelReason.markAsTouched();
      return;
    }
    if (await this.send('CANCEL', { reason })) {
      this.cancelling.set(false);
      this.notifier.success('meetings.cancelled');
      this.pendingFocus.set('[data-testid="meeting-title"]');
    }
  }

  /** A new version of approved minutes (the approved one stays locked); its page opens. */
  protected async revise(): Promise<void> {
    if (this.busy()) return;
    this.busy.set('REVISE');
    this.actionError.set(null);
    const result = await this.store.change((m) => this.api.revise(m.id, m.version));
    this.busy.set(null);
    if (result.ok) {
      this.notifier.success('meetings.revised');
      void this.router.navigate(['/meetings', result.meeting.id]);
    } else {
      this.actionError.set(result.message);
    }
  }

  private async confirm(
    title: 'meetings.end.title' | 'meetings.approve.title',
    message: 'meetings.end.message' | 'meetings.approve.message',
    label: 'meetings.end' | 'meetings.approve',
  ): Promise<boolean> {
    const data: ConfirmDialogData = { title: this.i18n.t(title), message: this.i18n.t(message), confirmLabel: this.i18n.t(label) };
    const ref = this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data });
    return (await firstValueFrom(ref.afterClosed())) === true;
  }
}
