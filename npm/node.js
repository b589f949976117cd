// Node.js entry point: loads the WebAssembly module synchronously from the package folder, so that
// `import { analyze } from 'maqal'` works without an init call.
import { readFileSync } from 'node:fs';
import { initSync } from './maqal.js';

initSync({ module: readFileSync(new URL('./maqal_bg.wasm', import.meta.url)) });

export * from './maqal.js';
