export default async function globalTeardown() {
  await globalThis.__SAMVERKA_PG__?.stop();
}
