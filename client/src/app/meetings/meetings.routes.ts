import { Routes } from '@angular/router';

/** The meetings feature's pages, mounted under /meetings inside the shell. */
export const meetingsRoutes: Routes = [];
