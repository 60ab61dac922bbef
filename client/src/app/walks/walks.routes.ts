import { Routes } from '@angular/router';
import { roleGuard } from '../core/auth/auth.guard';

/** The safety walks' pages, mounted under /walks inside the shell; each page is a lazy chunk of its own. */
export const walksRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'walks.title',
    loadComponent: () => import('./walk-list/walk-list').then((m) => m.WalkList),
  },
  {
    path: 'new',
    title: 'walks.new.title',
    canActivate: [roleGuard('coordinator', 'analyst')],
    loadComponent: () => import('./walk-plan/walk-plan').then((m) => m.WalkPlan),
  },
  {
    path: ':id/edit',
    title: 'walks.edit.title',
    canActivate: [roleGuard('coordinator', 'analyst')],
    loadComponent: () => import('./walk-plan/walk-plan').then((m) => m.WalkPlan),
  },
  {
    path: ':id/settle',
    title: 'walks.settle.title',
    canActivate: [roleGuard('coordinator', 'analyst')],
    loadComponent: () => import('./walk-settle/walk-settle').then((m) => m.WalkSettle),
  },
  {
    path: ':id',
    title: 'walks.walk.title',
    loadComponent: () => import('./walk-page/walk-page').then((m) => m.WalkPage),
  },
];
