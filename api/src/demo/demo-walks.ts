import type { StopAnswersDto } from '@samverka/contracts';
import { ACTION_MACHINE_VERSION, CASE_MACHINE_VERSION, WALK_MACHINE_VERSION } from '@samverka/workflows';
import { EntityManager } from 'typeorm';
import { AgreedAction } from '../actions/action.entity';
import { CaseHistoryEntry } from '../cases/case-history.entity';
import { EstCase } from '../cases/case.entity';
import { swedishDate } from '../common/swedish-time';
import { Place } from '../directory/place.entity';
import { StoredSettlement, Walk, WalkChecklistTemplate, WalkFinding } from '../walks/walk.entity';

const DAY = 86_400_000;
const dayAt = (offsetDays: number, time = '18:00:00+01:00') => new Date(`${swedishDate(Date.now() + offsetDays * DAY)}T${time}`);
const dateOf = (offsetDays: number) => swedishDate(Date.now() + offsetDays * DAY);

interface Ctx {
  areas: { id: string; name: string; partners: string[] }[];
  orgs: Map<string, string>;
  users: Map<string, string>;
}

interface DemoFinding {
  place: string;
  item: string;
  description: string;
  severity: 'low' | 'medium' | 'high';
  responsible: string | null;
  /** An action with its state and due date (days from today), or a note. */
  action?: { org: string; cause: string; what: string; goal: string; due: number; state: 'assigned' | 'in_progress' | 'done'; report?: string };
  noted?: string;
}

/**
 * Two past safety walks in Exempelstad with their findings settled into the actions of one case per walk (one
 * action done, one overdue, one still running) and one planned walk. Stored as the services would have stored them.
 */
export async function seedDemoWalks(m: EntityManager, ctx: Ctx): Promise<number> {
  const checklist = await m.getRepository(WalkChecklistTemplate).findOneByOrFail({ isDefault: true });
  const coordinator = ctx.users.get('samordnare@exempelstad.se')!;
  const caretaker = ctx.users.get('rapportor@exempelbostader.se')!;
  const kommun = ctx.orgs.get('kommun')!;

  const walk = async (
    areaName: string,
    title: string,
    offsetDays: number,
    state: 'planned' | 'settled' | 'followed_up',
    invited: string[],
    findings: DemoFinding[],
    extra: { followUpNote?: string; stops?: StopAnswersDto[] } = {},
  ) => {
    const area = ctx.areas.find((a) => a.name === areaName)!;
    const places = await m.getRepository(Place).findBy({ areaId: area.id });
    const placeOf = (name: string) => places.find((p) => p.name === name)!;
    const partnerIds = area.partners.map((k) => ctx.orgs.get(k)!);
    const invitedIds = invited.map((k) => ctx.orgs.get(k)!);
    const route = places.slice(0, 5).map((p) => [p.longitude!, p.latitude!] as [number, number]);
    const startsAt = dayAt(offsetDays);
    const context = {
      organizerOrgIds: partnerIds,
      participantOrgIds: [kommun, ...invitedIds],
      cancelReason: null,
      followUpNote: extra.followUpNote ?? null,
      finishedAt: state === 'planned' ? null : new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
      settledAt: state === 'planned' ? null : new Date(startsAt.getTime() + 3 * DAY).toISOString(),
      followedUpAt: state === 'followed_up' ? new Date(Date.now() - 2 * DAY).toISOString() : null,
    };
    const w = await m.getRepository(Walk).save(
      m.getRepository(Walk).create({
        areaId: area.id,
        organizationId: kommun,
        title,
        startsAt,
        meetingPoint: `${places[0].name}, vid informationstavlan`,
        route: { type: 'LineString', coordinates: route },
        invitedOrganizationIds: invitedIds,
        participantCounts: { residents: 7, associations: 2, public_transport: 1 },
        checklistTemplateId: checklist.id,
        checklist: checklist.items,
        stops: extra.stops ?? [],
        restricted: false,
        state,
        version: state === 'planned' ? 1 : 3 + findings.length * 2 + (state === 'followed_up' ? 1 : 0),
        snapshot: { machineVersion: WALK_MACHINE_VERSION, value: state, context },
        caseId: null,
        createdById: coordinator,
      }),
    );
    const toAct = findings.filter((f) => f.action);
    if (toAct.length) {
      const open = toAct.filter((f) => f.action!.state !== 'done').length;
      const caseState = open ? 'execution' : 'follow_up';
      const planned = toAct.map((f) => ({
        cause: f.action!.cause,
        what: f.action!.what,
        goal: f.action!.goal,
        organizationId: ctx.orgs.get(f.action!.org)!,
        ownerId: null,
        dueDate: dateOf(f.action!.due),
        kind: 'one_off',
        term: 'short',
      }));
      const c = await m.getRepository(EstCase).save(
        m.getRepository(EstCase).create({
          areaId: area.id,
          title: `Trygghetsvandring ${swedishDate(startsAt)}: ${title}`,
          description: `Fynd från trygghetsvandringen ${swedishDate(startsAt)} som blev insatser (${toAct.length}).`,
          state: caseState,
          version: 5,
          snapshot: {
            machineVersion: CASE_MACHINE_VERSION,
            value: caseState,
            context: {
              partnerIds,
              analysis: `Trygghetsvandringen ${swedishDate(startsAt)} fann ${findings.length} fynd; ${toAct.length} åtgärdas som insatser.`,
              proposedActions: planned,
              openActions: open,
              closedAt: null,
              reopenDays: 90,
              outcome: null,
              dismissal: null,
            },
          },
          createdById: coordinator,
          createdByOrganizationId: kommun,
          reports: [],
          places: [...new Set(toAct.map((f) => placeOf(f.place)))],
        }),
      );
      const at = new Date(startsAt.getTime() + 3 * DAY);
      for (const [i, ev] of ['CREATED', 'START_ANALYSIS', 'PROPOSE', 'AGREE'].entries()) {
        await m.getRepository(CaseHistoryEntry).insert({
          caseId: c.id,
          actionId: null,
          eventType: ev,
          payload: ev === 'CREATED' ? { title: c.title, walkId: w.id } : null,
          fromState: [null, 'reported', 'analysis', 'proposed'][i],
          toState: ['reported', 'analysis', 'proposed', 'agreed'][i],
          version: i + 1,
          actorId: coordinator,
          actorOrganizationId: kommun,
          at,
        });
      }
      for (const [i, f] of toAct.entries()) {
        const a = f.action!;
        await m.getRepository(AgreedAction).save({
          caseId: c.id,
          number: i + 1,
          cause: a.cause,
          what: a.what,
          goal: a.goal,
          organizationId: ctx.orgs.get(a.org)!,
          ownerId: null,
          startDate: null,
          dueDate: dateOf(a.due),
          kind: 'one_off' as const,
          term: 'short' as const,
          state: a.state,
          version: a.state === 'done' ? 3 : 2,
          snapshot: {
            machineVersion: ACTION_MACHINE_VERSION,
            value: a.state,
            context: { organizationId: ctx.orgs.get(a.org)!, ownerId: null, report: a.report ?? null, blockedReason: null, cancelReason: null },
          },
        });
      }
      await m.getRepository(Walk).update(w.id, { caseId: c.id });
    }
    let n = 0;
    for (const f of findings) {
      const idx = toAct.indexOf(f);
      const settlement: StoredSettlement | null = f.action
        ? {
            outcome: 'action',
            cause: f.action.cause,
            what: f.action.what,
            goal: f.action.goal,
            organizationId: ctx.orgs.get(f.action.org)!,
            ownerId: null,
            dueDate: dateOf(f.action.due),
            followUp: 'Kontrolleras vid nästa vandring',
            actionNumber: idx + 1,
          }
        : f.noted
          ? { outcome: 'noted', reason: f.noted }
          : null;
      const p = placeOf(f.place);
      await m.getRepository(WalkFinding).insert({
        walkId: w.id,
        latitude: p.latitude,
        longitude: p.longitude,
        placeId: p.id,
        checklistItemKey: f.item,
        categoryId: null,
        description: f.description,
        severity: f.severity,
        responsibleOrganizationId: f.responsible ? ctx.orgs.get(f.responsible)! : null,
        recordedAt: new Date(startsAt.getTime() + (20 + n++ * 12) * 60_000),
        recordedById: caretaker,
        organizationId: ctx.orgs.get('exempelbostader')!,
        personalDataConfirmed: false,
        settlement,
      });
    }
  };

  await walk(
    'Centrum',
    'Resecentrum och Stadsparken',
    -45,
    'followed_up',
    ['exempelbostader', 'polis'],
    [
      {
        place: 'Resecentrum',
        item: 'lighting',
        description: 'Gångtunneln mot resecentrum är mörk, tre armaturer trasiga',
        severity: 'high',
        responsible: 'exempelbostader',
        action: {
          org: 'exempelbostader',
          cause: 'Trasig belysning i gångtunneln',
          what: 'Byta armaturer i gångtunneln',
          goal: 'Upplyst tunnel hela dygnet',
          due: -30,
          state: 'done',
          report: 'Armaturerna bytta och kontrollerade',
        },
      },
      {
        place: 'Stadsparken',
        item: 'sight_lines',
        description: 'Tätt buskage skymmer sikten längs gångvägen genom parken',
        severity: 'medium',
        responsible: 'kommun',
        action: {
          org: 'kommun',
          cause: 'Igenvuxet buskage',
          what: 'Röja buskaget längs gångvägen',
          goal: 'Fri sikt längs gångvägen',
          due: -10,
          state: 'in_progress',
        },
      },
      {
        place: 'Gågatan',
        item: 'litter_graffiti',
        description: 'Klotter på två elskåp vid gågatan',
        severity: 'low',
        responsible: 'kommun',
        noted: 'Ingår redan i kommunens ordinarie klottersanering',
      },
    ],
    {
      followUpNote: 'Belysningen i gångtunneln är bytt. Röjningen i Stadsparken är försenad och tas upp i operativa gruppen.',
      stops: [
        {
          stop: 1,
          label: 'Resecentrum',
          answers: [
            { itemKey: 'lighting', answer: 'poor', comment: 'Mörkt i gångtunneln' },
            { itemKey: 'help', answer: 'acceptable', comment: null },
          ],
        },
        {
          stop: 2,
          label: 'Stadsparken',
          answers: [
            { itemKey: 'sight_lines', answer: 'poor', comment: 'Buskage' },
            { itemKey: 'feeling', answer: 'poor', comment: 'Otryggt efter mörkrets inbrott' },
          ],
        },
      ],
    },
  );
  await walk(
    'Norrby',
    'Norrby centrum kvällstid',
    -18,
    'settled',
    ['exempelbostader', 'norrbycentrum'],
    [
      {
        place: 'Norrby centrum, entrén',
        item: 'help',
        description: 'Ingen information om var man får hjälp när butikerna stängt',
        severity: 'medium',
        responsible: 'norrbycentrum',
        action: {
          org: 'norrbycentrum',
          cause: 'Ingen hjälp att få kvällstid',
          what: 'Skylt vid entrén om var man får hjälp kvällstid',
          goal: 'Besökare vet var de får hjälp',
          due: 20,
          state: 'assigned',
        },
      },
      {
        place: 'Gångtunneln under Norrleden',
        item: 'wayfinding',
        description: 'Svårt att hitta rätt väg ut ur gångtunneln',
        severity: 'low',
        responsible: 'kommun',
        action: {
          org: 'kommun',
          cause: 'Skyltning saknas',
          what: 'Ny vägvisning vid gångtunneln',
          goal: 'Lätt att hitta rätt',
          due: -2,
          state: 'done',
          report: 'Nya skyltar uppsatta',
        },
      },
      {
        place: 'Lekplatsen Gröna gården',
        item: 'feeling',
        description: 'Känns öde och otryggt efter klockan sju',
        severity: 'medium',
        responsible: 'exempelbostader',
        noted: 'Följs upp i nästa lägesbild innan något görs',
      },
    ],
  );
  await walk('Söderdal', 'Pendeltågsstationen och Dammen', 7, 'planned', ['hyresfastigheter', 'polis'], []);
  return 3;
}
