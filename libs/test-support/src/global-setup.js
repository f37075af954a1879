// Jest's global set-up ignores moduleNameMapper and its transform cannot see the workspace's path
// aliases: run the TypeScript set-up in a child process through swc-node, which reads them from tsconfig.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function globalSetup() {
  process.env.PILOTIS_TEST_RUN ??= String(process.pid); // normally set by jest.e2e.config.js
  execFileSync(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'run-global-setup.ts')], {
    stdio: 'inherit',
    env: process.env,
    cwd: path.join(__dirname, '..', '..', '..'),
  });
};
