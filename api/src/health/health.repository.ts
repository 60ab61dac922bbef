import type { DataSource } from 'typeorm';

/** The health check's one statement: it answers when the database does. */
export const healthRepository = {
  async ping(db: DataSource): Promise<void> {
    await db.query('SELECT 1');
  },
};
