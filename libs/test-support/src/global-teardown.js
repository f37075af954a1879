const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function globalTeardown() {
  execFileSync(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'run-global-teardown.ts')], {
    stdio: 'inherit',
    env: process.env,
    cwd: path.join(__dirname, '..', '..', '..'),
  });
};
