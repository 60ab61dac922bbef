import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ActionPlanRow, ActionPlanView, fingerprintOf, FollowUpColour, MinutesAction, MinutesView, renderDocument } from '@samverka/templates';
import { Meeting } from '../meetings/meeting.entity';
import { MeetingPlans, MeetingPlansPort } from '../meetings/meeting-plans.port';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/access.decorators';
import { invalid, notFound } from '../common/errors';
import { SituationPictureService } from '../reports/situation-picture.service';
import { ReportsService } from '../reports/reports.service';
import { isoWeekOf } from '../reports/weeks';
import { swedishDate, swedishDateTime, todayInSweden } from '../common/swedish-time';
import { directoryRepository } from '../directory/directory.repository';
import { PlanActionRow, plansRepository } from './plans.repository';

const CASE_STATE_TEXT = {
  sv: {
    reported: 'inkommet',
    analysis: 'analys',
    proposed: 'förslag',
    escalated: 'till chefssamråd',
    agreed: 'beslutat',
    execution: 'genomförande',
    follow_up: 'uppföljning',
    closed: 'avslutat',
    dismissed: 'avskrivet',
  },
  en: {
    reported: 'reported',
    analysis: 'analysis',
    proposed: 'proposed',
    escalated: 'escalated',
    agreed: 'agreed',
    execution: 'execution',
    follow_up: 'follow-up',
    closed: 'closed',
    dismissed: 'dismissed',
  },
} as const;

const DAY_MS = 86_400_000;

/** Brå's follow-up colour of an action: done green, blocked yellow, overdue red, due within a week and not started yellow. */
export function followUp(
  state: string,
  due: string,
  today: string,
  lang: 'sv' | 'en',
  ctx: PlanActionRow['snapshot']['context'],
): { status: FollowUpColour; text: string } {
  const sv = lang === 'sv';
  const late = Math.round((new Date(`${today}T12:00:00Z`).getTime() - new Date(`${due}T12:00:00Z`).getTime()) / DAY_MS);
  if (state === 'done') return { status: 'green', text: `${sv ? 'Genomförd' : 'Done'}${ctx.report ? `: ${ctx.report}` : ''}` };
  if (state === 'cancelled') return { status: 'grey', text: `${sv ? 'Avbruten' : 'Cancelled'}${ctx.cancelReason ? `: ${ctx.cancelReason}` : ''}` };
  if (late > 0) return { status: 'red', text: sv ? `Försenad ${late} dagar` : `${late} days late` };
  if (state === 'blocked') return { status: 'yellow', text: `${sv ? 'Hindrad' : 'Blocked'}${ctx.blockedReason ? `: ${ctx.blockedReason}` : ''}` };
  if (state === 'in_progress') return { status: 'green', text: sv ? 'Pågår' : 'In progress' };
  if (late > -7) return { status: 'yellow', text: sv ? 'Ej påbörjad, klar inom en vecka' : 'Not started, due within a week' };
  return { status: 'green', text: sv ? (state === 'assigned' ? 'Tilldelad' : 'Planerad') : state === 'assigned' ? 'Assigned' : 'Planned' };
}

const localNow = () => swedishDateTime(new Date());
const today = todayInSweden;

/** Builds the joint action plan's view model from the database and renders it. */
@Injectable()
export class ActionPlanService implements MeetingPlansPort, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reports: ReportsService,
    private readonly picture: SituationPictureService,
    private readonly meetingPlans: MeetingPlans,
  ) {}

  /** Meetings record their plan's fingerprint on approval through this service. */
  onModuleInit(): void {
    this.meetingPlans.provide(this);
  }

  /** The fingerprint of the (Swedish) plan a meeting decided, recorded when its minutes are approved. */
  async fingerprint(user: AuthUser, m: Meeting): Promise<string> {
    return (await this.meetingPlan(user, m, 'sv')).fingerprint;
  }

  /** The plan's rows grouped by case, with each action's follow-up colour. */
  private planCases(rows: PlanActionRow[], lang: 'sv' | 'en'): ActionPlanView['cases'] {
    const now = today();
    const cases = new Map<string, ActionPlanView['cases'][number]>();
    for (const r of rows) {
      const entry = cases.get(r.case_id) ?? { title: r.case_title, state: CASE_STATE_TEXT[lang][r.case_state] ?? r.case_state, rows: [] as ActionPlanRow[] };
      const f = followUp(r.state, r.due_date, now, lang, r.snapshot.context);
      entry.rows.push({
        number: `${r.case_number}.${r.number}`,
        cause: r.cause,
        what: r.what,
        goal: r.goal,
        start: r.start_date,
        due: r.due_date,
        organization: r.org,
        owner: r.owner,
        status: f.status,
        statusText: f.text,
        followUp: r.follow_up,
        followUpDate: r.follow_up_date,
        kind: r.kind,
        term: r.term,
      });
      cases.set(r.case_id, entry);
    }
    return [...cases.values()];
  }

  /** The picture summary of an area for the week of `date`. */
  private async pictureSummary(user: AuthUser, areaId: string, date: Date): Promise<ActionPlanView['picture'][number]> {
    const p = await this.picture.picture(user, areaId, isoWeekOf(date), { shared: true });
    return {
      area: p.area.name,
      level: p.level?.level ?? null,
      levelRationale: p.level?.rationale ?? null,
      reports: p.total.count,
      previousAverage: p.total.previousAverage,
      trend: p.trend.map((t) => t.count),
      topPlaces: p.hotspots.slice(0, 3).map((h) => ({ name: h.name, count: h.count })),
    };
  }

  private async finish(view: ActionPlanView): Promise<{ pdf: Buffer; fingerprint: string; view: ActionPlanView }> {
    view.fingerprint = fingerprintOf(view);
    return { pdf: await renderDocument({ kind: 'action-plan', view }), fingerprint: view.fingerprint, view };
  }

  /** The current plan of an area for a period: every action of its cases that was open at some time in the period. */
  async areaPlan(
    user: AuthUser,
    areaId: string,
    from: string,
    to: string,
    lang: 'sv' | 'en',
  ): Promise<{ pdf: Buffer; fingerprint: string; view: ActionPlanView }> {
    if (from > to) throw invalid('from', 'from must be on or before to');
    // The plan carries the situational picture of the week of `to`, and weeks exist from 2000-W01 to 2100-W52 only.
    if (to < '2000-01-03' || to > '2100-12-31') throw invalid('to', 'to must be a date between 2000-01-03 and 2100-12-31');
    const area = await directoryRepository.area(this.db, areaId);
    if (!area || !(await this.reports.canSeeArea(user, areaId))) throw notFound('Area', 'areaId');
    const partners = await directoryRepository.partnerNames(this.db, areaId);
    const cases = this.planCases(await plansRepository.areaPlanActions(this.db, areaId, from, to), lang);
    const now = today();
    return this.finish({
      lang,
      partnership: partners,
      areas: [area.name],
      period: { from, to },
      meeting: null,
      version: lang === 'sv' ? `aktuell ${now}` : `current ${now}`,
      generatedAt: localNow(),
      picture: [await this.pictureSummary(user, areaId, new Date(`${to}T12:00:00Z`))],
      cases,
      participants: [],
      approval: null,
      fingerprint: '',
    });
  }

  /** The plan a meeting decided: the actions of the cases agreed at it, with the meeting, participants and approval. */
  async meetingPlan(user: AuthUser, m: Meeting, lang: 'sv' | 'en'): Promise<{ pdf: Buffer; fingerprint: string; view: ActionPlanView }> {
    const agreedCases = m.agenda.filter((i) => i.decision?.kind === 'agree' && i.caseId).map((i) => i.caseId!);
    const names = await this.names(m);
    const cases = agreedCases.length ? this.planCases(await plansRepository.casesPlanActions(this.db, agreedCases), lang) : [];
    const date = swedishDate(m.startsAt);
    const dues = cases.flatMap((c) => c.rows.map((r) => r.due)).sort();
    return this.finish({
      lang,
      partnership: names.orgs.map((o) => o.name),
      areas: names.areas.map((a) => a.name),
      period: { from: date, to: dues.at(-1) ?? date },
      meeting: { title: m.title, date },
      version: String(m.revision),
      generatedAt: localNow(),
      picture: await Promise.all(m.areaIds.map((a) => this.pictureSummary(user, a, m.startsAt))),
      cases,
      participants: m.participants
        .filter((p) => p.present)
        .map((p) => ({ name: p.name, organization: names.orgs.find((o) => o.id === p.organizationId)?.name ?? '' })),
      approval: names.approval,
      fingerprint: '',
    });
  }

  private async names(m: Meeting) {
    const ctx = m.snapshot.context as { approvedBy?: string | null; approvedAt?: string | null; approvals?: { userId: string }[] };
    // The justering: everyone who approved (chair and adjusters), in order; older meetings have only approvedBy.
    const approverIds = ctx.approvals?.length ? ctx.approvals.map((a) => a.userId) : ctx.approvedBy ? [ctx.approvedBy] : [];
    const [orgs, areas, approvers] = await Promise.all([
      directoryRepository.organizationNames(this.db, m.organizationIds),
      directoryRepository.areaNames(this.db, m.areaIds),
      approverIds.length ? plansRepository.userNames(this.db, approverIds) : Promise.resolve([]),
    ]);
    const by = approverIds
      .map((id) => approvers.find((a) => a.id === id)?.name)
      .filter(Boolean)
      .join(', ');
    const approval = by && ctx.approvedAt ? { by, at: swedishDateTime(ctx.approvedAt) } : null;
    return { orgs, areas, approval };
  }

  /** The agreed actions of the cases decided at the meeting, in full, by case. */
  private async agreedActions(caseIds: string[]): Promise<Map<string, { title: string; actions: MinutesAction[] }>> {
    const rows = caseIds.length ? await plansRepository.casesPlanActions(this.db, caseIds) : [];
    const titles = caseIds.length ? await plansRepository.caseTitles(this.db, caseIds) : [];
    const out = new Map(titles.map((t) => [t.id, { title: t.title, actions: [] as MinutesAction[] }]));
    for (const r of rows) {
      out.get(r.case_id)?.actions.push({
        number: String(r.number),
        cause: r.cause,
        what: r.what,
        goal: r.goal,
        organization: r.org,
        owner: r.owner,
        due: r.due_date,
        followUp: r.follow_up,
        followUpDate: r.follow_up_date,
      });
    }
    return out;
  }

  /** The minutes of a meeting as a PDF. */
  async minutes(user: AuthUser, m: Meeting, lang: 'sv' | 'en'): Promise<{ pdf: Buffer; fingerprint: string }> {
    const names = await this.names(m);
    const cases = await this.agreedActions([...new Set(m.agenda.map((i) => i.caseId).filter((c): c is string => !!c))]);
    const agreed = m.agenda.some((i) => i.decision?.kind === 'agree' && i.caseId);
    // The plan the decisions are in: the fingerprint recorded on approval, or the draft's current one.
    const planFingerprint = agreed ? (m.planFingerprint ?? (await this.fingerprint(user, m))) : null;
    const ROLE = {
      sv: { chair: 'ordförande', secretary: 'sekreterare', adjuster: 'justerare' },
      en: { chair: 'chair', secretary: 'secretary', adjuster: 'adjuster' },
    }[lang];
    const KIND = {
      sv: { leadership: 'Chefssamråd', operational: 'EST-grupp' },
      en: { leadership: 'Leadership consultation', operational: 'Operational group' },
    }[lang];
    const ITEM = {
      sv: { picture: 'Lägesbild', decision: 'Beslutsärende', follow_up: 'Uppföljning', round: 'Laget runt', other: 'Övrigt' },
      en: { picture: 'Situational picture', decision: 'For decision', follow_up: 'Follow-up', round: 'Round the table', other: 'Other business' },
    }[lang];
    const view: MinutesView = {
      lang,
      title: m.title,
      kind: KIND[m.kind],
      date: swedishDateTime(m.startsAt),
      place: m.place,
      areas: names.areas.map((a) => a.name),
      revision: m.revision,
      previousRevisionNote: m.previousVersionId ? (lang === 'sv' ? `Ersätter version ${m.revision - 1}.` : `Replaces version ${m.revision - 1}.`) : null,
      attendance: m.participants.map((p) => ({
        name: p.name,
        organization: names.orgs.find((o) => o.id === p.organizationId)?.name ?? '',
        present: p.present,
        role: p.role ? ROLE[p.role] : null,
      })),
      planFingerprint,
      items: m.agenda.map((i, n) => ({
        number: n + 1,
        title: i.title,
        kindLabel: ITEM[i.kind],
        decisionKind: i.decision?.kind ?? null,
        decision: i.decision ? i.decision.note : null,
        caseTitle: i.caseId ? (cases.get(i.caseId)?.title ?? null) : null,
        actions: i.decision?.kind === 'agree' && i.caseId ? (cases.get(i.caseId)?.actions ?? []) : [],
        caseState: i.decision?.caseState ? (CASE_STATE_TEXT[lang][i.decision.caseState as keyof (typeof CASE_STATE_TEXT)['sv']] ?? i.decision.caseState) : null,
        statements: i.statements.map((s) => ({ organization: s.organizationName, text: s.text })),
      })),
      approval: names.approval,
      generatedAt: localNow(),
      fingerprint: '',
    };
    view.fingerprint = fingerprintOf(view);
    return { pdf: await renderDocument({ kind: 'minutes', view }), fingerprint: view.fingerprint };
  }
}
