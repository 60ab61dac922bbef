import { createRequire } from 'node:module';

/**
 * The cron parser pg-boss itself uses (its dependency, loaded from where pg-boss is), so that a schedule accepted
 * here is one the job queue runs.
 */
const cronParser = createRequire(require.resolve('pg-boss'))('cron-parser') as {
  parseExpression(expression: string, options?: { tz?: string }): { next(): unknown };
};

/** Why `cron` is not a five-field cron expression the job queue can run in `timeZone`, or null when it is one. */
export function cronProblem(cron: string, timeZone: string): string | null {
  if (!/^\S+( \S+){4}$/.test(cron)) return 'must be a cron expression with five fields, e.g. "15 3 * * *"';
  try {
    // An expression that never matches (31 February) parses but has no next time: pg-boss would fail on it every minute.
    cronParser.parseExpression(cron, { tz: timeZone }).next();
    return null;
  } catch (e) {
    return `is not a valid cron expression (${(e as Error).message})`;
  }
}
