import { Injectable, Logger } from '@nestjs/common';
import { WALK_MAX } from '@samverka/contracts';
import sharp from 'sharp';
import { DomainError } from '../common/errors';

// The storage of photo bytes (raw SQL, so in a repository file), re-exported for the module and the service.
export { PgPhotoStorage, PhotoStorage, type ProcessedPhoto } from './photo-storage.repository';
import type { ProcessedPhoto } from './photo-storage.repository';

// The refusals name the file in their message; their bodies are the ApiError envelope the OpenAPI document gives.
const unsupported = (file: string, message: string) => new DomainError(415, 'PHOTO.UNSUPPORTED_TYPE', `${file}: ${message}`, 'photo');

/** The type of an upload by its first bytes (the name and the browser's type are not trusted). */
export function sniffType(bytes: Buffer): 'jpeg' | 'png' | 'heic' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length >= 12 && bytes.toString('latin1', 4, 8) === 'ftyp' && /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(bytes.toString('latin1', 8, 12)))
    return 'heic';
  return null;
}

/**
 * Decodes an upload and re-encodes it without any metadata (EXIF with GPS, device and owner, XMP, IPTC, ICC are
 * dropped: sharp keeps none unless asked), rotated upright from its EXIF orientation first, at most WALK_MAX.photoEdge
 * pixels on the longer edge, plus a WALK_MAX.thumbnailEdge thumbnail. Refusals name the file.
 */
@Injectable()
export class PhotoProcessor {
  private readonly logger = new Logger('Photos');

  async process(file: string, bytes: Buffer): Promise<ProcessedPhoto> {
    const type = sniffType(bytes);
    if (type === 'heic')
      throw unsupported(file, 'HEIC photos cannot be read by this server yet; set the camera to "Most compatible" (JPEG) or share the photo as JPEG');
    if (!type) throw unsupported(file, 'only JPEG and PNG photos are accepted');
    try {
      const input = sharp(bytes, { failOn: 'error', limitInputPixels: 80_000_000 }).rotate();
      const image = await input
        .clone()
        .resize({ width: WALK_MAX.photoEdge, height: WALK_MAX.photoEdge, fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 82, mozjpeg: true })
        .toBuffer({ resolveWithObject: true });
      const thumbnail = await input
        .clone()
        .resize({ width: WALK_MAX.thumbnailEdge, height: WALK_MAX.thumbnailEdge, fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 70 })
        .toBuffer();
      return { image: image.data, thumbnail, width: image.info.width, height: image.info.height };
    } catch (e) {
      // The decoder's own words go to the log, not to the caller.
      this.logger.warn(`A photo could not be decoded: ${e instanceof Error ? e.message.slice(0, 200) : String(e)}`);
      throw new DomainError(422, 'PHOTO.CORRUPT', `${file}: the photo could not be read (damaged or incomplete file)`, 'photo');
    }
  }
}
