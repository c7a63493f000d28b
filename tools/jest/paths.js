const fs = require('node:fs');
const path = require('node:path');

// Maps the tsconfig path aliases (@ebp/*) to source files for jest.
function pathsToModuleNameMapper(tsconfigFile) {
  const root = path.dirname(tsconfigFile);
  const { compilerOptions } = JSON.parse(fs.readFileSync(tsconfigFile, 'utf8'));
  const mapper = {};
  for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
    mapper[`^${alias.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`] = path.join(root, target);
  }
  return mapper;
}

module.exports = { pathsToModuleNameMapper };
