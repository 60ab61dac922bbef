import { Routes } from '@angular/router';

/** The cases feature's pages, mounted under /cases inside the shell. */
export const casesRoutes: Routes = [];
