/** What every feature shares: the error body of every 4xx/5xx answer and a page of a list. */

/** The length a text field must have, in characters: at least `min` (after trimming), at most `max`. */
export interface TextLimit {
  readonly min: number;
  readonly max: number;
}

/** Error body of every 4xx/5xx answer. `field` names the offending input where there is one. */
export interface ApiError {
  statusCode: number;
  code: string;
  message: string;
  field?: string;
  errors?: { field: string; message: string }[];
  /** 429 and 503: seconds to wait before trying again (also sent as `Retry-After`). */
  retryAfterSeconds?: number;
  /** 409 `*.TRANSITION_NOT_ALLOWED`: the record's state and the events it accepts there. */
  state?: string;
  acceptedEvents?: string[];
  /** 409 `*.STALE_VERSION`: the stored version, to reload. */
  currentVersion?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
