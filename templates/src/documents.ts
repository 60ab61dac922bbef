import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { actionPlanDocument } from './action-plan';
import { minutesDocument } from './minutes';
import type { DocumentJob } from './render-pool';
import { walkInvitationDocument, walkReportDocument } from './walk';

/** The document definition of a render job (in the worker, or in the calling thread where no worker is compiled). */
export function documentOf(job: DocumentJob): TDocumentDefinitions {
  switch (job.kind) {
    case 'action-plan':
      return actionPlanDocument(job.view);
    case 'minutes':
      return minutesDocument(job.view);
    case 'walk-report':
      return walkReportDocument(job.view);
    case 'walk-invitation':
      return walkInvitationDocument(job.view);
  }
}
