const nx = require('@nx/eslint-plugin');
const importX = require('eslint-plugin-import-x');

// Engines and frameworks stay out of the pure layers: domain, contracts and the event-sourcing core.
const FRAMEWORKS_AND_DRIVERS = [
  '@nestjs/*',
  'fastify',
  '@fastify/*',
  'mongoose',
  'mongodb',
  'kafkajs',
  '@eventstore/*',
  '@kurrent/*',
  'better-sqlite3',
  'class-validator',
  'class-transformer',
  'jsonwebtoken',
];

module.exports = [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/tmp', '**/data', '**/*.js', 'tools/openapi-client/generated'] },
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.js'] })],
    },
    rules: {
      // No import circles inside a lib (between libs, the module-boundary rule forbids them).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:core'], bannedExternalImports: FRAMEWORKS_AND_DRIVERS },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:core', 'type:domain', 'type:contracts'], bannedExternalImports: FRAMEWORKS_AND_DRIVERS },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:core', 'type:contracts'], bannedExternalImports: FRAMEWORKS_AND_DRIVERS },
            { sourceTag: 'type:adapter', onlyDependOnLibsWithTags: ['type:core', 'type:testing'] },
            { sourceTag: 'type:runtime', onlyDependOnLibsWithTags: ['type:core', 'type:adapter', 'type:nest'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:core', 'type:testing'] },
            { sourceTag: 'type:nest', onlyDependOnLibsWithTags: ['type:core', 'type:nest'] },
            { sourceTag: 'type:read-models', onlyDependOnLibsWithTags: ['type:core', 'type:domain', 'type:contracts', 'type:read-models', 'type:nest'] },
            { sourceTag: 'type:api', onlyDependOnLibsWithTags: ['type:core', 'type:domain', 'type:contracts', 'type:read-models', 'type:nest'] },
            { sourceTag: 'type:module', onlyDependOnLibsWithTags: ['type:core', 'type:domain', 'type:contracts', 'type:read-models', 'type:api', 'type:nest'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['*'] },
            // A context uses its own scope, the shared kernel and other contexts' published contracts only.
            { sourceTag: 'scope:service-desk', onlyDependOnLibsWithTags: ['scope:service-desk', 'scope:shared', 'type:contracts'] },
            { sourceTag: 'scope:hr-attendance', onlyDependOnLibsWithTags: ['scope:hr-attendance', 'scope:shared', 'type:contracts'] },
            { sourceTag: 'scope:property-sales', onlyDependOnLibsWithTags: ['scope:property-sales', 'scope:shared', 'type:contracts'] },
            { sourceTag: 'scope:subsidy-grants', onlyDependOnLibsWithTags: ['scope:subsidy-grants', 'scope:shared', 'type:contracts'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
    },
  },
];
