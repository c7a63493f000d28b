'use strict';
// Shared helpers of the tools/validate/* scripts: module loading with a clear hint, reporting, exit codes.
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

// VALIDATE_NODE_PATH: extra project dirs whose node_modules are searched first (to try the checks
// with tools installed elsewhere, e.g. `npm install --prefix /tmp/v ...`); the repo's come after.
const SEARCH = [...(process.env.VALIDATE_NODE_PATH || '').split(path.delimiter).filter(Boolean), ROOT];

function resolve(specifier, pkg = specifier) {
  try {
    return require.resolve(specifier, { paths: SEARCH });
  } catch (error) {
    if (error && (error.code === 'MODULE_NOT_FOUND' || error.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED')) {
      console.error(`missing devDependency '${pkg}' (npm ci installs it; needed by ${path.relative(ROOT, require.main.filename)})`);
      process.exit(2);
    }
    throw error;
  }
}

/** Loads a devDependency, or stops with the package to install (exit 2: the check could not run). */
function need(specifier, pkg = specifier) {
  return require(resolve(specifier, pkg));
}

/** Directory of an installed package, for packages whose data files are not exported. */
function packageDir(pkg) {
  return path.dirname(resolve(`${pkg}/package.json`, pkg));
}

class Report {
  constructor(title) {
    this.title = title;
    this.errors = [];
    this.warnings = [];
    this.checked = [];
  }

  error(where, message) {
    this.errors.push(`${where}: ${message}`);
  }

  warn(where, message) {
    this.warnings.push(`${where}: ${message}`);
  }

  /** Records a passed check; with `since` (an earlier `mark()`), only when no error came after it. */
  ok(what, since) {
    if (since === undefined || this.errors.length === since) this.checked.push(what);
  }

  mark() {
    return this.errors.length;
  }

  /** Prints the outcome and exits 1 on any error. */
  finish() {
    for (const line of this.checked) console.log(`  ok    ${line}`);
    for (const line of this.warnings) console.log(`  warn  ${line}`);
    for (const line of this.errors) console.log(`  ERROR ${line}`);
    const verdict = this.errors.length === 0 ? 'valid' : 'INVALID';
    console.log(`${this.title}: ${verdict} (${this.errors.length} error(s), ${this.warnings.length} warning(s))`);
    process.exit(this.errors.length === 0 ? 0 : 1);
  }
}

/**
 * The platform's list of bounded contexts (libs/platform/contexts), read from the compiled tree:
 * `npm run validate` builds first. Each entry: { name, title, asyncapi, projections, consumes }.
 */
function contexts() {
  const fs = require('node:fs');
  const entry = path.join(ROOT, 'dist', 'tools', 'validate', 'contexts.js');
  if (!fs.existsSync(entry)) {
    console.error(`${path.relative(ROOT, entry)} is missing: run \`npm run build\` first (npm run validate does)`);
    process.exit(2);
  }
  require(path.join(ROOT, 'tools', 'node', 'register-paths.js'));
  return require(entry).describeContexts();
}

module.exports = { ROOT, need, resolve, packageDir, Report, contexts };
