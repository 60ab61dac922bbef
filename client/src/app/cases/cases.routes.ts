import { Routes } from '@angular/router';
import { roleGuard } from '../core/auth/auth.guard';

/** The cases feature's pages, mounted under /cases inside the shell; each page is its own lazy chunk. */
export const casesRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'cases.board.title',
    loadComponent: () => import('./board/case-board').then((m) => m.CaseBoard),
  },
  {
    path: 'new',
    title: 'cases.new.title',
    canActivate: [roleGuard('analyst', 'coordinator')],
    loadComponent: () => import('./new-case/new-case').then((m) => m.NewCase),
  },
  {
    path: 'actions',
    title: 'cases.myActions.title',
    loadComponent: () => import('./my-actions/my-actions').then((m) => m.MyActions),
  },
  {
    path: 'follow-up',
    title: 'cases.followUp.title',
    canActivate: [roleGuard('analyst', 'coordinator')],
    loadComponent: () => import('./follow-up/follow-up').then((m) => m.FollowUp),
  },
  {
    path: ':id',
    title: 'cases.case.title',
    loadComponent: () => import('./case-page/case-page').then((m) => m.CasePage),
  },
];
