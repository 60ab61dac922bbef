import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FindingDto, WalkDto } from '@samverka/contracts';
import { fingerprintOf, renderDocument, type WalkInvitationView, type WalkReportView } from '@samverka/templates';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/access.decorators';
import { swedishDateTime } from '../common/swedish-time';
import { PhotoStorage } from './photos';
import { WalkPhoto } from './walk.entity';
import { walksRepository } from './walks.repository';
import { WalksService } from './walks.service';

type Lang = 'sv' | 'en';

/** The words of the walk's documents (the templates hold their headings). */
const WORDS = {
  sv: {
    states: {
      planned: 'Planerad',
      in_progress: 'Pågår',
      recorded: 'Genomförd',
      settled: 'Avgjord',
      followed_up: 'Uppföljd',
      closed: 'Avslutad',
      cancelled: 'Inställd',
    },
    severities: { low: 'Låg', medium: 'Medel', high: 'Hög' },
    answers: { good: 'Bra', acceptable: 'Godtagbar', poor: 'Dålig', not_applicable: 'Ej aktuell' },
    groups: {
      residents: 'Boende',
      associations: 'Föreningar',
      businesses: 'Näringsidkare',
      public_transport: 'Kollektivtrafik',
      property_owners: 'Fastighetsägare',
      youth: 'Unga',
      other: 'Övriga',
    },
    actionStates: { planned: 'planerad', assigned: 'tilldelad', in_progress: 'pågår', blocked: 'stoppad', done: 'klar', cancelled: 'avbruten' },
    action: 'Insats',
    proposed: 'Insats föreslagen',
    overdue: (d: number) => `försenad ${d} dagar`,
    joined: 'Ärende',
    noted: 'Noterad',
    unsettled: 'Ej avgjord',
  },
  en: {
    states: {
      planned: 'Planned',
      in_progress: 'In progress',
      recorded: 'Walked',
      settled: 'Settled',
      followed_up: 'Followed up',
      closed: 'Closed',
      cancelled: 'Cancelled',
    },
    severities: { low: 'Low', medium: 'Medium', high: 'High' },
    answers: { good: 'Good', acceptable: 'Acceptable', poor: 'Poor', not_applicable: 'Not applicable' },
    groups: {
      residents: 'Residents',
      associations: 'Associations',
      businesses: 'Businesses',
      public_transport: 'Public transport',
      property_owners: 'Property owners',
      youth: 'Young people',
      other: 'Others',
    },
    actionStates: { planned: 'planned', assigned: 'assigned', in_progress: 'in progress', blocked: 'blocked', done: 'done', cancelled: 'cancelled' },
    action: 'Action',
    proposed: 'Action proposed',
    overdue: (d: number) => `${d} days overdue`,
    joined: 'Case',
    noted: 'Noted',
    unsettled: 'Not settled',
  },
} as const;

/** The walk report and the invitation as PDFs, for callers who see the walk's details. */
@Injectable()
export class WalkDocuments {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly walks: WalksService,
    private readonly storage: PhotoStorage,
  ) {}

  private common(w: WalkDto, lang: Lang) {
    const Wd = WORDS[lang];
    return {
      lang,
      title: w.title,
      area: w.areaName,
      date: swedishDateTime(w.startsAt),
      meetingPoint: w.meetingPoint ?? '',
      organization: w.organization.name,
      invited: w.invitedOrganizations.map((o) => o.name),
      participants: Object.entries(w.participantCounts).map(([g, n]) => ({ group: Wd.groups[g as keyof typeof Wd.groups] ?? g, count: n ?? 0 })),
      route: w.route?.coordinates ?? null,
    };
  }

  private status(f: FindingDto, lang: Lang): string {
    const Wd = WORDS[lang];
    const s = f.settlement;
    if (!s) return Wd.unsettled;
    if (s.outcome === 'noted') return `${Wd.noted}: ${s.reason}`;
    if (s.outcome === 'case') return `${Wd.joined}: ${s.caseTitle}`;
    if (!s.actionState) return `${Wd.proposed} (${s.dueDate})`;
    return `${Wd.action}: ${Wd.actionStates[s.actionState]}${s.daysOverdue > 0 ? ` (${Wd.overdue(s.daysOverdue)})` : ''}, ${s.dueDate}`;
  }

  async report(user: AuthUser, id: string, lang: Lang): Promise<{ pdf: Buffer; fingerprint: string; walk: WalkDto }> {
    await this.walks.loadDetails(user, id);
    const w = await this.walks.get(user, id);
    const Wd = WORDS[lang];
    const items = new Map(w.checklist.map((i) => [i.key, lang === 'sv' ? i.labelSv : i.labelEn]));
    const categories = new Map((await walksRepository.categoryLabels(this.db.manager)).map((c) => [c.id, lang === 'sv' ? c.label_sv : c.label_en]));
    // At most two thumbnails per finding in the table.
    const photoIds = w.findings.flatMap((f) => f.photos.slice(0, 2).map((p) => p.id));
    const photos = photoIds.length ? await this.db.getRepository(WalkPhoto).findBy(photoIds.map((pid) => ({ id: pid }))) : [];
    const thumbs = new Map<string, string>();
    for (const p of photos) {
      const bytes = await this.storage.get(this.db.manager, p.storageKey, 'thumbnail');
      if (bytes) thumbs.set(p.id, bytes.toString('base64'));
    }
    const base = {
      ...this.common(w, lang),
      state: Wd.states[w.state],
      findings: w.findings.map((f, i) => ({
        number: i + 1,
        where: f.placeName ?? (f.latitude != null ? `${f.latitude.toFixed(5)}, ${f.longitude!.toFixed(5)}` : '–'),
        position: f.longitude != null && f.latitude != null ? ([f.longitude, f.latitude] as [number, number]) : null,
        what: (f.checklistItemKey ? items.get(f.checklistItemKey) : null) ?? (f.categoryId ? categories.get(f.categoryId) : null) ?? '–',
        description: f.description,
        severity: Wd.severities[f.severity],
        severityLevel: f.severity,
        responsible: (f.settlement?.outcome === 'action' ? f.settlement.organizationName : f.responsibleOrganization?.name) ?? '–',
        status: this.status(f, lang),
        thumbnails: f.photos.slice(0, 2).flatMap((p) => (thumbs.has(p.id) ? [thumbs.get(p.id)!] : [])),
      })),
      stops: w.stops.map((s) => ({
        stop: s.stop,
        label: s.label,
        answers: s.answers.map((a) => ({ item: items.get(a.itemKey) ?? a.itemKey, answer: Wd.answers[a.answer], comment: a.comment })),
      })),
      followUpNote: w.followUpNote,
      generatedAt: swedishDateTime(new Date()),
    };
    const view: WalkReportView = { ...base, fingerprint: fingerprintOf(base) };
    return { pdf: await renderDocument({ kind: 'walk-report', view }), fingerprint: view.fingerprint, walk: w };
  }

  async invitation(user: AuthUser, id: string, lang: Lang): Promise<{ pdf: Buffer; fingerprint: string; walk: WalkDto }> {
    await this.walks.loadDetails(user, id);
    const w = await this.walks.get(user, id);
    const base = {
      ...this.common(w, lang),
      checklist: w.checklist.map((i) => (lang === 'sv' ? i.labelSv : i.labelEn)),
      generatedAt: swedishDateTime(new Date()),
    };
    const view: WalkInvitationView = { ...base, fingerprint: fingerprintOf(base) };
    return { pdf: await renderDocument({ kind: 'walk-invitation', view }), fingerprint: view.fingerprint, walk: w };
  }
}
