import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AuthService } from '../auth/auth';

/** Requests whose 401 is an ordinary answer ("not signed in" / "wrong password"), not an expired session. */
const AUTH_PROBES = ['/api/auth/login', '/api/auth/me', '/api/auth/session'];

/**
 * When the session has expired (401 from any other API call), forget the user and go to the
 * sign-in page, which returns to the current page afterwards. The error still reaches the caller.
 */
export const sessionExpiryInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return next(req).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && !isAuthProbe(req.url)) {
        auth.clear();
        const here = router.url;
        const onLogin = here.startsWith('/login');
        void router.navigate(['/login'], onLogin || here === '/' ? {} : { queryParams: { returnUrl: here } });
      }
      return throwError(() => error);
    }),
  );
};

function isAuthProbe(url: string): boolean {
  const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
  return AUTH_PROBES.includes(path);
}
