import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// Swagger names a component schema and an operation id after the class: two contexts with a
// `RegisterCustomerDto` (or a `DirectoryController`) would silently overwrite each other's documentation.
const ROOT = join(__dirname, '..', '..', '..');
const HTTP_LIBS = ['api', 'read-models'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

function httpSources(): string[] {
  const libs = join(ROOT, 'libs');
  return readdirSync(libs).flatMap((context) =>
    HTTP_LIBS.map((lib) => join(libs, context, lib, 'src')).filter((dir) => {
      try {
        return statSync(dir).isDirectory();
      } catch {
        return false;
      }
    }),
  ).flatMap(sources).concat(sources(join(libs, 'shared')));
}

describe('OpenAPI names', () => {
  it('no two DTO, schema or controller classes of the HTTP libraries share a name', () => {
    const seen = new Map<string, string[]>();
    for (const file of httpSources()) {
      for (const match of readFileSync(file, 'utf8').matchAll(/^(?:export )?class ([A-Za-z0-9_]+)/gm)) {
        seen.set(match[1], [...(seen.get(match[1]) ?? []), relative(ROOT, file)]);
      }
    }
    const clashes = [...seen].filter(([, files]) => files.length > 1).map(([name, files]) => `${name}: ${files.join(', ')}`);
    expect(clashes).toEqual([]);
  });
});
