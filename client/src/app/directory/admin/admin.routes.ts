import { Routes } from '@angular/router';

/** The administrator's screens for the directory: organisations, users, areas with places, categories; the safety walks' checklist templates; and the installation's workflow settings. */
export const adminRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'organizations' },
  {
    path: 'organizations',
    title: 'admin.organizations.title',
    loadComponent: () => import('./organizations').then((m) => m.Organizations),
  },
  {
    path: 'users',
    title: 'admin.users.title',
    loadComponent: () => import('./users').then((m) => m.Users),
  },
  {
    path: 'areas',
    title: 'admin.areas.title',
    loadComponent: () => import('./admin-areas').then((m) => m.AdminAreas),
  },
  {
    path: 'areas/:id',
    title: 'admin.areas.title',
    loadComponent: () => import('./admin-area-detail').then((m) => m.AdminAreaDetail),
  },
  {
    path: 'categories',
    title: 'admin.categories.title',
    loadComponent: () => import('./categories').then((m) => m.Categories),
  },
  {
    path: 'walk-checklists',
    title: 'walks.checklists.title',
    loadComponent: () => import('../../walks/checklists/checklist-admin').then((m) => m.ChecklistAdmin),
  },
  {
    path: 'settings',
    title: 'admin.settings.title',
    loadComponent: () => import('./workflow-settings').then((m) => m.WorkflowSettingsPage),
  },
];
