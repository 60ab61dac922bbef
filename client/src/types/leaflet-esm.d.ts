// Leaflet's ES module build (the package's `main` is the UMD build); the types are those of `leaflet`.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
