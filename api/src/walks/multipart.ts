import type { Request } from 'express';
import type { Readable } from 'node:stream';
import { DomainError } from '../common/errors';

/** The part of busboy (a dependency of multer, without type declarations) used here. */
interface Busboy extends NodeJS.WritableStream {
  on(event: 'field', listener: (name: string, value: string) => void): this;
  on(event: 'file', listener: (name: string, stream: Readable, info: { filename?: string; mimeType: string }) => void): this;
  on(event: 'filesLimit' | 'close', listener: () => void): this;
  on(event: 'error', listener: (e: unknown) => void): this;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const busboy = require('busboy') as (options: { headers: Request['headers']; limits: Record<string, number> }) => Busboy;

export interface UploadedPhoto {
  /** The file's name as sent (control characters removed), for messages. */
  name: string;
  bytes: Buffer;
}

/**
 * Reads a multipart photo upload: one file in `fileField` (at most `maxBytes`, refused with 413 naming the file) and
 * short text fields. Parsed here rather than by multer so that every refusal can name the file it concerns.
 */
export function readPhotoUpload(req: Request, fileField: string, maxBytes: number): Promise<{ file: UploadedPhoto | null; fields: Record<string, string> }> {
  if (!req.is('multipart/form-data')) return Promise.reject(new DomainError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the photo as multipart/form-data', 'photo'));
  return new Promise((resolve, reject) => {
    let bb: Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1000, parts: 12 } });
    } catch {
      reject(new DomainError(400, 'BAD_REQUEST', 'The multipart body cannot be read (boundary missing)', 'photo'));
      return;
    }
    const fields: Record<string, string> = {};
    let file: UploadedPhoto | null = null;
    let failed: DomainError | null = null;
    const fail = (e: DomainError) => {
      failed ??= e;
    };
    bb.on('field', (name, value) => {
      fields[name] = value;
    });
    bb.on('file', (name, stream, info) => {
      const filename =
        (info.filename ?? 'photo')
          // eslint-disable-next-line no-control-regex -- removing control characters from a file name is the point
          .replace(/[\u0000-\u001f\u007f]/g, '')
          .slice(0, 200) || 'photo';
      if (name !== fileField) {
        fail(new DomainError(422, 'VALIDATION_FAILED', `Send the photo in the field "${fileField}" (not "${name}")`, fileField));
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () =>
        fail(new DomainError(413, 'PHOTO.TOO_LARGE', `${filename}: the photo is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`, fileField)),
      );
      stream.on('end', () => {
        if (!failed) file = { name: filename, bytes: Buffer.concat(chunks) };
      });
    });
    bb.on('filesLimit', () => fail(new DomainError(422, 'VALIDATION_FAILED', 'Send one photo per request', fileField)));
    bb.on('error', () => reject(failed ?? new DomainError(400, 'BAD_REQUEST', 'The multipart body is malformed', fileField)));
    bb.on('close', () => (failed ? reject(failed) : resolve({ file, fields })));
    req.pipe(bb);
  });
}
