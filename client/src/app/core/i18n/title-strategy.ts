import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { I18n, MessageKey } from './i18n';

/**
 * Route `title`s are dictionary keys; this strategy shows them translated ("Översikt – Samverka")
 * and re-translates the document title when the language changes.
 */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18n);
  private readonly key = signal<MessageKey | null>(null);

  constructor() {
    super();
    effect(() => {
      const key = this.key();
      const app = this.i18n.t('app.name');
      this.title.setTitle(key ? `${this.i18n.t(key)} – ${app}` : app);
    });
  }

  /** Called by the router after each navigation. */
  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.key.set((this.buildTitle(snapshot) as MessageKey | undefined) ?? null);
  }
}
