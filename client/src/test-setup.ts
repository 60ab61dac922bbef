import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';
import { featureProviders } from './app/app.features';
import { featureMessages } from './app/app.messages';
import { provideMessages } from './app/core/i18n/messages';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
  // The features' texts and navigation links, as app.config provides them.
  extraProviders: [...featureProviders, ...provideMessages(...featureMessages)],
});
