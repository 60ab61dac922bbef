import { Injectable } from '@nestjs/common';
import type { ActionDto, PlannedActionDto } from '@samverka/contracts';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../auth/access.decorators';

/** What a case needs of its actions; the actions feature provides it (actions depend on cases, not the other way). */
export interface CaseActionsPort {
  /** The case's actions as `user` sees them, by number; inside a transaction (`m`) as it has written them. */
  listForCase(user: AuthUser, caseId: string, m: EntityManager): Promise<ActionDto[]>;
  /** The side effect of a decision: each agreed action becomes an action with its own machine. */
  createAgreed(m: EntityManager, user: AuthUser, caseId: string, planned: PlannedActionDto[]): Promise<void>;
}

/** The case's hook for its actions: the actions feature registers itself here when the application starts. */
@Injectable()
export class CaseActions implements CaseActionsPort {
  private port: CaseActionsPort | null = null;

  provide(port: CaseActionsPort): void {
    this.port = port;
  }

  private get actions(): CaseActionsPort {
    if (!this.port) throw new Error('No provider of case actions is registered (ActionsModule not imported?)');
    return this.port;
  }

  listForCase(user: AuthUser, caseId: string, m: EntityManager): Promise<ActionDto[]> {
    return this.actions.listForCase(user, caseId, m);
  }

  createAgreed(m: EntityManager, user: AuthUser, caseId: string, planned: PlannedActionDto[]): Promise<void> {
    return this.actions.createAgreed(m, user, caseId, planned);
  }
}
