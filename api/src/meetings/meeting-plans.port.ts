import { Injectable } from '@nestjs/common';
import { AuthUser } from '../auth/access.decorators';
import { Meeting } from './meeting.entity';

/** What a meeting needs of the plans: the fingerprint of its joint action plan, recorded when the minutes are approved. */
export interface MeetingPlansPort {
  fingerprint(user: AuthUser, m: Meeting): Promise<string>;
}

/** The meeting's hook for its plan: the plans feature registers itself here when the application starts (plans depend on meetings). */
@Injectable()
export class MeetingPlans implements MeetingPlansPort {
  private port: MeetingPlansPort | null = null;

  provide(port: MeetingPlansPort): void {
    this.port = port;
  }

  fingerprint(user: AuthUser, m: Meeting): Promise<string> {
    if (!this.port) throw new Error('No provider of meeting plans is registered (PlansModule not imported?)');
    return this.port.fingerprint(user, m);
  }
}
