import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { LoginRequest, MeDto, Role, SessionDto } from '@samverka/contracts';
import { Observable, catchError, firstValueFrom, map, of, tap } from 'rxjs';

/** The signed-in user and the session calls (`/api/auth/*`). The session cookie is httpOnly. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly current = signal<MeDto | null>(null);
  private loading: Promise<MeDto | null> | null = null;
  private loaded = false;

  /** The signed-in user, or null. */
  readonly user = this.current.asReadonly();

  /** Whether the signed-in user holds the admin role. */
  readonly isAdmin = computed(() => this.hasRole('admin'));

  /** Whether the signed-in user holds `role`. */
  hasRole(role: Role): boolean {
    return this.current()?.roles.includes(role) ?? false;
  }

  /**
   * Asks the API who is signed in (`GET /api/auth/session`), once per page load; later calls reuse the
   * answer. Resolves to null when there is no session (`user: null`, a 200, so that a signed-out visitor's
   * console shows no failed request) or the API cannot be reached.
   */
  ensureLoaded(): Promise<MeDto | null> {
    if (this.loaded) return Promise.resolve(this.current());
    this.loading ??= firstValueFrom(
      this.http.get<SessionDto>('/api/auth/session').pipe(
        map((session) => session.user),
        // Any failure leaves the visitor signed out.
        catchError(() => of(null)),
      ),
    ).then((me) => {
      this.loaded = true;
      this.loading = null;
      this.current.set(me);
      return me;
    });
    return this.loading;
  }

  /** Signs in (`POST /api/auth/login`); on success the user is set. Errors reach the caller. */
  login(request: LoginRequest): Observable<MeDto> {
    return this.http.post<MeDto>('/api/auth/login', request).pipe(tap((me) => this.setUser(me)));
  }

  /** Signs out (`POST /api/auth/logout`); the user is forgotten even if the call fails. */
  logout(): Observable<void> {
    // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- the document answers 204 without a body, as the API check reads it
    return this.http.post<void>('/api/auth/logout', null).pipe(
      map(() => undefined),
      catchError(() => of(undefined)),
      tap(() => this.clear()),
    );
  }

  /** Sets the signed-in user (after sign-in, or in tests). */
  setUser(me: MeDto): void {
    this.loaded = true;
    this.current.set(me);
  }

  /** Forgets the user, e.g. when the session has expired. */
  clear(): void {
    this.loaded = true;
    this.current.set(null);
  }
}
