import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { I18n } from '../i18n/i18n';

/**
 * Tells the API which UI language is active (`Accept-Language: sv` or `en`), so that it can answer
 * with messages in that language; the browser's own header reflects the OS, not the app's switch.
 */
export const languageInterceptor: HttpInterceptorFn = (req, next) => {
  if (!req.url.startsWith('/api/') || req.headers.has('Accept-Language')) return next(req);
  const lang = inject(I18n).lang();
  return next(req.clone({ setHeaders: { 'Accept-Language': lang === 'sv' ? 'sv-SE, sv;q=0.9, en;q=0.5' : 'en-GB, en;q=0.9, sv;q=0.5' } }));
};
