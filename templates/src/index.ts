/**
 * pdfmake document definitions for the joint action plan and the minutes: pure functions from a view model to a
 * TDocumentDefinitions. They arrive with the meeting issue; this module is their home.
 */
export {};
