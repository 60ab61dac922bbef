import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';
import { featureProviders } from './app/app.features';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
  // The features' texts and navigation links, as app.config provides them.
  extraProviders: featureProviders,
});
