// The console's build, run by Maven (console/pom.xml) with the machine's Node.js:
//   node build.mjs        type-checks, then bundles src/main.tsx and the static files into target/classes/console/,
//                         which Maven packages into the console jar that node-service serves under /console/;
//   node build.mjs test   bundles each test/unit/*.test.ts(x) for Node and runs them with node --test.
// esbuild only bundles; tsc only checks types (it emits nothing). A type error fails the build, as a warning fails
// the Java build.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'target', 'classes', 'console');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: here, stdio: 'inherit' });
  if (result.status !== 0) {
    process.exit(result.status ?? 1);
  }
}

async function bundleApp() {
  run(process.execPath, [join(here, 'node_modules', 'typescript', 'bin', 'tsc'), '--project', join(here, 'tsconfig.json')]);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'assets'), { recursive: true });
  await build({
    entryPoints: [join(here, 'src', 'main.tsx')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    legalComments: 'linked',
    outfile: join(out, 'assets', 'console.js'),
    logLevel: 'warning',
  });
  cpSync(join(here, 'src', 'static'), out, { recursive: true });
  // node-service serves exactly the files listed here (ConsoleFiles), by name, from memory.
  const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
    .map((entry) => relative(out, join(entry.parentPath ?? entry.path, entry.name)).split('\\').join('/')).sort();
  writeFileSync(join(out, 'files.txt'), files.join('\n') + '\n');
}

async function unitTests() {
  const dir = join(here, 'target', 'unit');
  rmSync(dir, { recursive: true, force: true });
  const tests = readdirSync(join(here, 'test', 'unit')).filter((name) => /\.test\.tsx?$/.test(name));
  await build({
    entryPoints: tests.map((name) => join(here, 'test', 'unit', name)),
    bundle: true,
    platform: 'node',
    // pkijs's ES module build: its CommonJS build require()s node:crypto, which an ES module bundle cannot.
    mainFields: ['module', 'main'],
    format: 'esm',
    target: 'node20',
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
  const files = readdirSync(dir).filter((name) => name.endsWith('.test.mjs')).map((name) => join(dir, name));
  run(process.execPath, ['--test', ...files]);
}

if (process.argv[2] === 'test') {
  await unitTests();
} else {
  await bundleApp();
}
