import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router } from '@angular/router';
import type { Role } from '@samverka/contracts';
import { AuthService } from './auth';

/** Lets signed-in users through; everyone else goes to `/login`, remembering where they were going. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const me = await auth.ensureLoaded();
  if (me) return true;
  return router.createUrlTree(['/login'], state.url && state.url !== '/' ? { queryParams: { returnUrl: state.url } } : {});
};

/** Lets only administrators into the admin routes; others go to the overview. */
export const adminGuard: CanActivateFn = async (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const me = await auth.ensureLoaded();
  if (!me) return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
  return me.roles.includes('admin') ? true : router.createUrlTree(['/']);
};

/** Keeps a signed-in user away from the sign-in page. */
export const signedOutGuard: CanMatchFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const me = await auth.ensureLoaded();
  return me ? router.createUrlTree(['/']) : true;
};

/** Lets users holding one of `roles` through; others go to the overview. */
export function roleGuard(...roles: Role[]): CanActivateFn {
  return async (_route, state) => {
    const auth = inject(AuthService);
    const router = inject(Router);
    const me = await auth.ensureLoaded();
    if (!me) return router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
    return me.roles.some((r) => roles.includes(r)) ? true : router.createUrlTree(['/']);
  };
}
