// Node.js entry point: the module is initialized on import, so there is no default `init` export.
export * from './maqal.js';
