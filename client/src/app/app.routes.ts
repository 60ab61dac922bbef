import { Routes } from '@angular/router';
import { adminGuard, authGuard, signedOutGuard } from './core/auth/auth.guard';

/**
 * All pages are loaded lazily. Signed-in pages live inside the shell; the admin screens also
 * require the admin role. `title` holds a dictionary key, translated by `TranslatedTitleStrategy`.
 */
export const routes: Routes = [
  {
    path: 'login',
    title: 'login.heading',
    canMatch: [signedOutGuard],
    loadComponent: () => import('./core/auth/login').then((m) => m.Login),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./core/shell/shell').then((m) => m.Shell),
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'overview.title',
        loadComponent: () => import('./overview/overview').then((m) => m.Overview),
      },
      {
        path: 'areas/:id',
        title: 'area.title',
        loadComponent: () => import('./directory/area-page').then((m) => m.AreaPage),
      },
      {
        path: 'admin',
        canActivate: [adminGuard],
        loadChildren: () => import('./directory/admin/admin.routes').then((m) => m.adminRoutes),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
