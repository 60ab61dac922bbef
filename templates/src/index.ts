/**
 * pdfmake documents of the EST cycle: pure functions from a view model to a document definition, and the one
 * place that renders them (fonts from this folder, no file or URL access beyond them).
 */
export * from './action-plan';
export * from './sections';
export * from './render';
export * from './render-pool';
export * from './minutes';
export * from './walk';
