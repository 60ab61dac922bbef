import { Body, Controller, Get, HttpCode, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { ImportDto } from '@samverka/contracts';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { diskStorage } from 'multer';
import { AuthUser, CurrentUser, Roles } from '../auth/access.decorators';
import { invalid } from '../common/errors';
import { uuidParam } from '../common/validation';
import { ImportsService } from './imports.service';
import { Idempotent, IdempotencyService } from '../idempotency/idempotency';
import { ImportBody } from './imports.dto';
import { Answers } from '../openapi/responses';

/** Largest CSV file accepted (about two million rows of a typical police export). */
export const MAX_IMPORT_BYTES = 250 * 1024 * 1024;

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

@ApiTags('reports')
@Controller()
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly idem: IdempotencyService,
  ) {}

  /**
   * Starts importing a CSV file (multipart field `file`); answers 202 with the import to poll. The rows become reports
   * of `sourceOrganizationId` (a coordinator's choice among the area's partners), else of the caller's organisation.
   */
  @Post('reports/import')
  @Roles('coordinator', 'analyst')
  @HttpCode(202)
  @Idempotent()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        file: { type: 'string', format: 'binary' },
        areaId: { type: 'string' },
        mode: { type: 'string' },
        sourceOrganizationId: { type: 'string' },
      },
    },
  })
  @UseInterceptors(FileInterceptor('file', { storage: diskStorage({ destination: tmpdir() }), limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } }))
  @Answers(202, 'ImportDto', 'The import runs on: poll GET /api/imports/{id}')
  async start(@CurrentUser() user: AuthUser, @UploadedFile() file: Express.Multer.File | undefined, @Body() body: ImportBody): Promise<ImportDto> {
    if (!file) throw invalid('file', 'file is required: a CSV file in the multipart field "file"');
    const looksLikeCsv = /\.(csv|txt)$/i.test(file.originalname) || /^(text\/(csv|plain)|application\/(vnd\.ms-excel|csv))$/.test(file.mimetype);
    if (!looksLikeCsv) {
      await rm(file.path, { force: true });
      throw invalid('file', 'file must be a CSV file (.csv)');
    }
    // Control characters (a NUL cannot be stored in PostgreSQL text or jsonb) are no part of a file's name.
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    const filename = file.originalname.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'import.csv';
    // With an Idempotency-Key, the request is the file's content and the form's fields.
    if (this.idem.hasKey())
      this.idem.setBodyDigest(
        JSON.stringify([await sha256File(file.path), filename, body.areaId ?? null, body.mode ?? null, body.sourceOrganizationId ?? null]),
      );
    return this.imports.start(user, {
      path: file.path,
      filename,
      size: file.size,
      areaId: body.areaId,
      mode: body.mode ?? 'all_or_nothing',
      sourceOrganizationId: body.sourceOrganizationId,
    });
  }

  /** Progress and outcome of an import of the caller's organisation. */
  @Get('imports/:id')
  @Roles('coordinator', 'analyst')
  @Answers(200, 'ImportDto')
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<ImportDto> {
    return this.imports.get(user, id);
  }
}
