import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { WalkPhotoData } from './walk.entity';

/** A photo ready to store: metadata-free JPEGs of the image (≤ WALK_MAX.photoEdge px) and its thumbnail. */
export interface ProcessedPhoto {
  image: Buffer;
  thumbnail: Buffer;
  width: number;
  height: number;
}

/**
 * Where photo bytes live. PostgreSQL (`walk_photo_data`) by default; object storage may come later behind the same
 * interface. Everything runs in the caller's transaction, so a photo and its row commit or roll back together.
 */
export abstract class PhotoStorage {
  /** Stores the bytes and returns the key to find them by. */
  abstract put(m: EntityManager, photo: ProcessedPhoto): Promise<string>;
  abstract get(m: EntityManager, key: string, variant: 'image' | 'thumbnail'): Promise<Buffer | null>;
  abstract delete(m: EntityManager, keys: string[]): Promise<void>;
}

@Injectable()
export class PgPhotoStorage extends PhotoStorage {
  async put(m: EntityManager, photo: ProcessedPhoto): Promise<string> {
    const saved = await m.getRepository(WalkPhotoData).save({ image: photo.image, thumbnail: photo.thumbnail });
    return `pg:${saved.id}`;
  }

  async get(m: EntityManager, key: string, variant: 'image' | 'thumbnail'): Promise<Buffer | null> {
    if (!key.startsWith('pg:')) return null;
    const rows: { data: Buffer }[] = await m.query(`SELECT ${variant === 'image' ? 'image' : 'thumbnail'} AS data FROM walk_photo_data WHERE id = $1`, [
      key.slice(3),
    ]);
    return rows[0]?.data ?? null;
  }

  async delete(m: EntityManager, keys: string[]): Promise<void> {
    const ids = keys.filter((k) => k.startsWith('pg:')).map((k) => k.slice(3));
    if (ids.length) await m.query('DELETE FROM walk_photo_data WHERE id = ANY($1::uuid[])', [ids]);
  }
}
