import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { featureProviders } from './app.features';
import { routes } from './app.routes';
import { sessionExpiryInterceptor } from './core/http/session-expiry.interceptor';
import { idempotencyInterceptor } from './core/http/idempotency.interceptor';
import { languageInterceptor } from './core/http/language.interceptor';
import { TranslatedTitleStrategy } from './core/i18n/title-strategy';

/** Application-wide providers: zoneless change detection, HTTP (UI language header, Idempotency-Key on creates, session expiry), routing, and the features' texts and navigation links. */
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideHttpClient(withInterceptors([languageInterceptor, idempotencyInterceptor, sessionExpiryInterceptor])),
    provideRouter(routes, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    ...featureProviders,
  ],
};
