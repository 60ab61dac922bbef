import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
// pdfmake's server build is a CommonJS singleton.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfmake = require('pdfmake') as typeof import('pdfmake');

/** The fonts shipped in the repository (templates/fonts, also when running from the compiled dist/); the only files the renderer may read. */
export const FONTS_DIR =
  [resolve(__dirname, '..', 'fonts'), resolve(__dirname, '..', '..', '..', '..', 'templates', 'fonts')].find((d) =>
    existsSync(join(d, 'Roboto-Regular.ttf')),
  ) ?? resolve(__dirname, '..', 'fonts');

let configured = false;
function configure(): void {
  if (configured) return;
  const f = (name: string) => join(FONTS_DIR, name);
  pdfmake.setFonts({
    Roboto: { normal: f('Roboto-Regular.ttf'), bold: f('Roboto-Medium.ttf'), italics: f('Roboto-Italic.ttf'), bolditalics: f('Roboto-MediumItalic.ttf') },
  });
  // A document never fetches anything: no URLs, no files but the fonts.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => resolve(path).startsWith(FONTS_DIR));
  configured = true;
}

/** Renders a document definition to PDF bytes. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(doc).getBuffer();
}

/** SHA-256 of a view model's content (without its own fingerprint and generation time), for the footer and the record. */
export function fingerprintOf(view: object): string {
  const { fingerprint: _f, generatedAt: _g, ...content } = view as Record<string, unknown>;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
