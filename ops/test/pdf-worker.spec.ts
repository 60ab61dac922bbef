import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// The compiled API renders PDFs in a worker thread (templates/src/render-pool.ts), so that laying out a large
// action plan does not stop it from answering everyone else. Run against dist/api in a process of its own.
describe('PDFs in a worker thread', () => {
  const run = (actions: number) =>
    JSON.parse(execFileSync(process.execPath, [join(__dirname, 'support', 'pdf-child.cjs'), String(actions)], { maxBuffer: 64 * 1024 * 1024 }).toString()) as {
      sv: string;
      en: string;
      again: string;
      interruptedError: string | null;
      pdfmakeInMain: boolean;
      ticks: number;
    };
  const text = (b64: string) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(b64, 'base64') }).toString();

  it('renders whole plans off the main thread, in both languages, and recovers from a stopped worker', () => {
    const r = run(300);
    // pdfmake (and its fonts) never came into the API's own thread.
    expect(r.pdfmakeInMain).toBe(false);
    const sv = text(r.sv);
    expect(sv).toContain('Gemensam handlingsplan');
    expect(sv).toContain('Åtgärd nummer 300');
    expect(text(r.en)).toContain('Joint action plan');
    expect(r.interruptedError).toMatch(/PDF worker stopped/);
    expect(text(r.again)).toContain('Åtgärd nummer 10');
  });
});
