import { Routes } from '@angular/router';
import { roleGuard } from '../core/auth/auth.guard';

/** The meetings feature's pages, mounted under /meetings inside the shell; each page is a lazy chunk of its own. */
export const meetingsRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'meetings.title',
    loadComponent: () => import('./meeting-list/meeting-list').then((m) => m.MeetingList),
  },
  {
    path: 'new',
    title: 'meetings.new.title',
    canActivate: [roleGuard('coordinator')],
    loadComponent: () => import('./new-meeting/new-meeting').then((m) => m.NewMeeting),
  },
  {
    path: ':id/present',
    title: 'meetings.present.title',
    loadComponent: () => import('./presenter/presenter').then((m) => m.Presenter),
  },
  {
    path: ':id',
    title: 'meetings.meeting.title',
    loadComponent: () => import('./meeting-page/meeting-page').then((m) => m.MeetingPage),
  },
];
