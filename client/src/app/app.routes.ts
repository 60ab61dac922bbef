import { Routes } from '@angular/router';
import { adminGuard, authGuard, roleGuard, signedOutGuard } from './core/auth/auth.guard';

/**
 * All pages are loaded lazily. Signed-in pages live inside the shell; the admin screens also
 * require the admin role, the CSV import the coordinator or analyst role. `title` holds a
 * dictionary key, translated by `TranslatedTitleStrategy`.
 */
export const routes: Routes = [
  {
    path: 'login',
    title: 'login.heading',
    canMatch: [signedOutGuard],
    loadComponent: () => import('./core/auth/login').then((m) => m.Login),
  },
  {
    // The accessibility statement is public: reachable without signing in (the law requires it of the service).
    path: 'tillganglighet',
    title: 'a11y.title',
    loadComponent: () => import('./accessibility/accessibility-statement').then((m) => m.AccessibilityStatement),
  },
  { path: 'accessibility', redirectTo: 'tillganglighet' },
  {
    // The projector view stands alone, outside the shell's toolbar and navigation.
    path: 'meetings/:id/present',
    title: 'meetings.present.title',
    canActivate: [authGuard],
    loadComponent: () => import('./meetings/presenter/presenter').then((m) => m.Presenter),
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
        path: 'reports/new',
        title: 'report.new.title',
        loadComponent: () => import('./reports/new-report').then((m) => m.NewReport),
      },
      {
        path: 'reports/import',
        title: 'import.title',
        canActivate: [roleGuard('coordinator', 'analyst')],
        loadComponent: () => import('./reports/import-page').then((m) => m.ImportPage),
      },
      {
        path: 'reports/review',
        title: 'review.title',
        canActivate: [roleGuard('coordinator')],
        loadComponent: () => import('./reports/review-page').then((m) => m.ReviewPage),
      },
      {
        path: 'areas/:id/picture',
        title: 'picture.title',
        loadComponent: () => import('./reports/picture/situation-picture').then((m) => m.SituationPicture),
      },
      {
        path: 'areas/:id',
        title: 'area.title',
        loadComponent: () => import('./directory/area-page').then((m) => m.AreaPage),
      },
      { path: 'cases', loadChildren: () => import('./cases/cases.routes').then((m) => m.casesRoutes) },
      { path: 'meetings', loadChildren: () => import('./meetings/meetings.routes').then((m) => m.meetingsRoutes) },
      { path: 'walks', loadChildren: () => import('./walks/walks.routes').then((m) => m.walksRoutes) },
      {
        path: 'effects',
        title: 'effects.title',
        loadComponent: () => import('./effects/effects-page').then((m) => m.EffectsPage),
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
