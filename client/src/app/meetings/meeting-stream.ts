import { InjectionToken } from '@angular/core';

/** What the meeting screens use of the browser's `EventSource` (so that the specs can hand in a fake one). */
export interface MeetingEventSource {
  addEventListener(type: 'meeting', listener: (event: MessageEvent<string>) => void): void;
  addEventListener(type: 'open' | 'error', listener: (event: Event) => void): void;
  close(): void;
}

/** The data of an `event: meeting` message: reload the meeting when `version` is newer than the one shown. */
export interface MeetingChange {
  meetingId: string;
  version: number;
  /** CONNECTED, START, SET_CURRENT, RECORD, END, APPROVE, UPDATE_AGENDA … */
  change: string;
  currentItemId: string | null;
}

/** Opens the server-sent events of a URL, or returns null where the browser has no EventSource (jsdom). */
export type MeetingEventSourceFactory = (url: string) => MeetingEventSource | null;

/**
 * The factory for the meeting's live updates. Same origin, so the session cookie goes along; the browser reconnects
 * by itself after a network error (and the server then sends the current version again).
 */
export const MEETING_EVENT_SOURCE = new InjectionToken<MeetingEventSourceFactory>('MEETING_EVENT_SOURCE', {
  providedIn: 'root',
  factory: () => (url: string) => (typeof EventSource === 'undefined' ? null : new EventSource(url)),
});

/** Reads the data of a message; null when it is not a meeting change. */
export function parseChange(data: string): MeetingChange | null {
  try {
    const value = JSON.parse(data) as Partial<MeetingChange>;
    return value && typeof value.version === 'number' ? (value as MeetingChange) : null;
  } catch {
    return null;
  }
}
