import { Routes } from '@angular/router';
import { featureTexts } from './app.features';
import { adminGuard, authGuard, roleGuard, signedOutGuard } from './core/auth/auth.guard';

/**
 * All pages are loaded lazily. Signed-in pages live inside the shell; the admin screens also
 * require the admin role, the CSV import the coordinator or analyst role. `title` holds a
 * dictionary key, translated by `TranslatedTitleStrategy`. Every page but the sign-in page first loads the features'
 * texts (`featureTexts`), which the sign-in page's JavaScript leaves out.
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
    canActivate: [featureTexts],
    loadComponent: () => import('./accessibility/accessibility-statement').then((m) => m.AccessibilityStatement),
  },
  { path: 'accessibility', redirectTo: 'tillganglighet' },
  {
    // An invitation link is opened by someone without an account yet.
    path: 'invite/:token',
    title: 'invite.accept.title',
    canActivate: [featureTexts],
    loadComponent: () => import('./directory/invitations/accept-invitation').then((m) => m.AcceptInvitation),
  },
  {
    // The projector view stands alone, outside the shell's toolbar and navigation.
    path: 'meetings/:id/present',
    title: 'meetings.present.title',
    canActivate: [authGuard, featureTexts],
    loadComponent: () => import('./meetings/presenter/presenter').then((m) => m.Presenter),
  },
  {
    path: '',
    canActivate: [authGuard, featureTexts],
    loadComponent: () => import('./core/shell/shell').then((m) => m.Shell),
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'attention.title',
        loadComponent: () => import('./attention/attention-page').then((m) => m.AttentionPage),
      },
      {
        path: 'overview',
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
        path: 'reports/mine',
        title: 'myReports.title',
        loadComponent: () => import('./attention/my-reports').then((m) => m.MyReports),
      },
      {
        // After the other reports/… paths, so that none of them is taken for an id.
        path: 'reports/:id',
        title: 'report.page.title',
        loadComponent: () => import('./attention/report-page').then((m) => m.ReportPage),
      },
      {
        path: 'areas/:id/picture',
        title: 'picture.title',
        loadComponent: () => import('./reports/picture/situation-picture').then((m) => m.SituationPicture),
      },
      {
        path: 'areas/:id/activities',
        title: 'activities.title',
        loadComponent: () => import('./activities/activities-page').then((m) => m.ActivitiesPage),
      },
      {
        path: 'areas/:id',
        title: 'area.title',
        loadComponent: () => import('./directory/area-page').then((m) => m.AreaPage),
      },
      {
        path: 'invitations',
        title: 'invite.title',
        canActivate: [roleGuard('coordinator', 'admin')],
        loadComponent: () => import('./directory/invitations/invitations-page').then((m) => m.InvitationsPage),
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
