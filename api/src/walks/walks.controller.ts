import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { WALK_MAX, type FindingDto, type PhotoDto, type WalkDto, type WalkSummaryDto } from '@samverka/contracts';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { AuthUser, CurrentUser, Roles, SignedIn } from '../auth/access.decorators';
import { invalid } from '../common/errors';
import { noStore } from '../common/security';
import { uuidParam } from '../common/validation';
import { IdempotencyService, Idempotent } from '../idempotency/idempotency';
import { Answers, AnswersFile, AnswersNoContent, Refuses } from '../openapi/responses';
import { EVENT_BODY, parseEventBody } from '../workflow/workflow-errors';
import { readPhotoUpload } from './multipart';
import { WalkDocuments } from './walk-documents';
import {
  ChecklistAnswersBody,
  CreateFindingBody,
  CreateWalkBody,
  SettleFindingBody,
  UpdateFindingBody,
  UpdateWalkBody,
  WalkLangQuery,
  WalkListQuery,
} from './walks.dto';
import { WalksService } from './walks.service';

/** A walk's documents: the invitation and the report, as PDFs (those who see the walk's details). */
@ApiTags('walks')
@Controller('walks')
export class WalkDocumentsController {
  constructor(private readonly docs: WalkDocuments) {}

  @Get(':id/invitation.pdf')
  @SignedIn()
  @AnswersFile('application/pdf', 'The invitation to the walk (X-Document-Fingerprint: its SHA-256)')
  async invitation(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Query() q: WalkLangQuery, @Res() res: Response): Promise<void> {
    const { pdf, fingerprint, walk } = await this.docs.invitation(user, id, q.lang ?? 'sv');
    send(res, pdf, fingerprint, `inbjudan-trygghetsvandring-${walk.startsAt.slice(0, 10)}.pdf`);
  }

  @Get(':id/report.pdf')
  @SignedIn()
  @AnswersFile('application/pdf', 'The walk report with its findings (X-Document-Fingerprint: its SHA-256)')
  async report(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Query() q: WalkLangQuery, @Res() res: Response): Promise<void> {
    const { pdf, fingerprint, walk } = await this.docs.report(user, id, q.lang ?? 'sv');
    send(res, pdf, fingerprint, `trygghetsvandring-${walk.startsAt.slice(0, 10)}.pdf`);
  }
}

function send(res: Response, pdf: Buffer, fingerprint: string, filename: string): void {
  res.setHeader('Content-Type', 'application/pdf');
  noStore(res);
  res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
  res.setHeader('X-Document-Fingerprint', fingerprint);
  res.send(pdf);
}

/** Safety walks: planning, recording on the walk (findings, photos, answers), settlement and follow-up. */
@ApiTags('walks')
@Controller('walks')
export class WalksController {
  constructor(
    private readonly walks: WalksService,
    private readonly idem: IdempotencyService,
  ) {}

  /** The walks of the caller's areas, latest first (a restricted walk of others: `detailsVisible` false). */
  @Get()
  @SignedIn()
  @Answers(200, 'WalkSummaryDto[]')
  list(@CurrentUser() user: AuthUser, @Query() q: WalkListQuery): Promise<WalkSummaryDto[]> {
    return this.walks.list(user, q);
  }

  /** Plans a walk in an area of the caller's partnership (coordinators and analysts). */
  @Post()
  @Roles('coordinator', 'analyst')
  @Idempotent()
  @Answers(201, 'WalkDto')
  create(@CurrentUser() user: AuthUser, @Body() body: CreateWalkBody): Promise<WalkDto> {
    return this.walks.create(user, body);
  }

  @Get(':id')
  @SignedIn()
  @Answers(200, 'WalkDto')
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<WalkDto> {
    return this.walks.get(user, id);
  }

  /** Changes the plan while the walk is planned (the walk machine's EDIT), with the `version` read. */
  @Patch(':id')
  @Roles('coordinator', 'analyst')
  @Answers(200, 'WalkDto')
  update(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: UpdateWalkBody): Promise<WalkDto> {
    return this.walks.update(user, id, body);
  }

  /** START, FINISH, COMPLETE_SETTLEMENT, FOLLOW_UP (`note`), CLOSE, CANCEL (`reason`), with the `version` read. */
  @Post(':id/events')
  @SignedIn()
  @HttpCode(200)
  @Idempotent()
  @ApiBody(EVENT_BODY)
  @Answers(200, 'WalkDto', 'The walk after the event')
  send(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: object): Promise<WalkDto> {
    const { type, version, payload } = parseEventBody(body);
    return this.walks.sendEvent(user, id, type, version, payload);
  }

  /** Replaces the checklist answers of one stop. */
  @Put(':id/checklist-answers')
  @SignedIn()
  @Answers(200, 'WalkDto')
  answers(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: ChecklistAnswersBody): Promise<WalkDto> {
    return this.walks.answer(user, id, body);
  }

  /** Records a finding; send an Idempotency-Key so that a finding resent from the phone's offline queue is stored once. */
  @Post(':id/findings')
  @SignedIn()
  @Idempotent()
  @Answers(201, 'FindingDto')
  @Refuses(422, ['PersonalDataError', 'ApiError'], 'REPORT.PERSONAL_DATA (with the hits) until confirmed with confirmNoPersonalData, or another field at fault')
  addFinding(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string, @Body() body: CreateFindingBody): Promise<FindingDto> {
    return this.walks.addFinding(user, id, body);
  }

  /** The recorder changes their finding while the walk is in progress. */
  @Patch(':id/findings/:findingId')
  @SignedIn()
  @Answers(200, 'FindingDto')
  @Refuses(422, ['PersonalDataError', 'ApiError'], 'REPORT.PERSONAL_DATA (with the hits) until confirmed with confirmNoPersonalData, or another field at fault')
  updateFinding(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Param('findingId', uuidParam('findingId')) findingId: string,
    @Body() body: UpdateFindingBody,
  ): Promise<FindingDto> {
    return this.walks.updateFinding(user, id, findingId, body);
  }

  @Delete(':id/findings/:findingId')
  @SignedIn()
  @HttpCode(204)
  @AnswersNoContent('The finding and its photos are deleted')
  deleteFinding(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Param('findingId', uuidParam('findingId')) findingId: string,
  ): Promise<void> {
    return this.walks.deleteFinding(user, id, findingId);
  }

  /**
   * Uploads a photo of a finding (multipart: `photo`, and `confirmNoFaces=true`): JPEG or PNG up to 15 MB, stored
   * re-encoded without any metadata (≤ 2000 px) with a thumbnail; HEIC is refused with 415.
   */
  @Post(':id/findings/:findingId/photos')
  @SignedIn()
  @Idempotent()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['photo', 'confirmNoFaces'],
      properties: { photo: { type: 'string', format: 'binary' }, confirmNoFaces: { type: 'string', enum: ['true'] } },
    },
  })
  @Answers(201, 'PhotoDto', 'The photo as stored (re-encoded as JPEG without metadata)')
  async addPhoto(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Param('findingId', uuidParam('findingId')) findingId: string,
    @Req() req: Request,
  ): Promise<PhotoDto> {
    const { file, fields } = await readPhotoUpload(req, 'photo', WALK_MAX.photoBytes);
    if (!file) throw invalid('photo', 'photo is required: an image in the multipart field "photo"');
    const unknown = Object.keys(fields).find((k) => k !== 'confirmNoFaces');
    if (unknown) throw invalid(unknown, `${unknown} should not exist`);
    // With an Idempotency-Key, the request is the photo's content and the confirmation.
    if (this.idem.hasKey()) this.idem.setBodyDigest(JSON.stringify([createHash('sha256').update(file.bytes).digest('hex'), fields.confirmNoFaces ?? null]));
    return this.walks.addPhoto(user, id, findingId, file, fields.confirmNoFaces === 'true');
  }

  @Get(':id/photos/:photoId')
  @SignedIn()
  @AnswersFile('image/jpeg', 'The photo (at most 2000 px on its longest edge, without metadata)')
  async photo(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Param('photoId', uuidParam('photoId')) photoId: string,
    @Res() res: Response,
  ): Promise<void> {
    this.sendJpeg(res, await this.walks.photo(user, id, photoId, 'image'));
  }

  @Get(':id/photos/:photoId/thumbnail')
  @SignedIn()
  @AnswersFile('image/jpeg', 'The thumbnail of the photo (at most 320 px on its longest edge)')
  async thumbnail(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Param('photoId', uuidParam('photoId')) photoId: string,
    @Res() res: Response,
  ): Promise<void> {
    this.sendJpeg(res, await this.walks.photo(user, id, photoId, 'thumbnail'));
  }

  private sendJpeg(res: Response, bytes: Buffer): void {
    res.setHeader('Content-Type', 'image/jpeg');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    noStore(res);
    res.send(bytes);
  }

  /** Settles a finding while the walk is recorded: `action` (agreed when the settlement is completed), `case` or `noted`. */
  @Put(':id/findings/:findingId/settlement')
  @Roles('coordinator', 'analyst')
  @Answers(200, 'FindingDto')
  @Refuses(422, ['ApiError'], 'WALK.TOO_MANY_ACTIONS when the walk already settles MAX_ACTIONS_PER_CASE (50) findings as actions, or another field at fault')
  settle(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Param('findingId', uuidParam('findingId')) findingId: string,
    @Body() body: SettleFindingBody,
  ): Promise<FindingDto> {
    return this.walks.settle(user, id, findingId, body);
  }
}
