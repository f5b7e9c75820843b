/** Helpers for the UI suite (test/ui/*.test.ts): plain Node driving code-server in Chromium. */
export { EXTENSION_ID } from './host';
export { UiSession, useUiSession, vsixPath, type UiSessionOptions } from './session';
export * from './tree';
export * from './quickInput';
export * from './workbench';
export { poll } from './wait';
