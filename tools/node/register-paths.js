// Resolves the @ebp/* aliases of tsconfig.base.json against the compiled tree in dist/.
const path = require('node:path');
const tsconfigPaths = require('tsconfig-paths');
const { compilerOptions } = require('../../tsconfig.base.json');

tsconfigPaths.register({ baseUrl: path.join(__dirname, '..', '..', 'dist'), paths: compilerOptions.paths });
