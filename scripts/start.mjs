// `npm start`: build the web app if needed, then run the server (TypeScript through tsx) in this process.
import { register } from 'tsx/esm/api';
import { ensureWebBuilt } from './web-build.mjs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`OpenCourt needs Node.js 20.19 or newer (this is ${process.versions.node}).\n`);
  process.exit(2);
}
ensureWebBuilt();
register();
await import('../apps/server/src/main.ts');
