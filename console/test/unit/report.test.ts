import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { CheckLine, Verdict } from '../../src/verify/checks';
import type { ReportInput } from '../../src/verify/report/index';

// build.mjs bundles tests for Node with esbuild's default main fields, so pkijs comes in as CommonJS, and its
// @noble/hashes then calls require('node:crypto'), which an ES module bundle lacks. Give it one, before the verifier
// (and pkijs) is loaded: hence the dynamic import. Drop both once build.mjs bundles tests with
// mainFields: ['module', 'main'].
Object.assign(globalThis, { require: createRequire(import.meta.url) });
const { CA_CHECK, NOT_CHECKED, VERIFICATION, verifyReport } = await import('../../src/verify/report/index');

// The test runs bundled from target/unit/; the fixtures stay in the source tree (see their README.md).
const fixtures = new URL('../../test/fixtures/report/', import.meta.url);

function bytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(name, fixtures))));
}

function text(name: string): string {
  return readFileSync(fileURLToPath(new URL(name, fixtures)), 'utf8');
}

/** The fixture report with the two data files it ships (the manifest also lists report.json and report.pdf). */
function genuine(): ReportInput {
  return {
    manifest: bytes('manifest.json'),
    signature: bytes('manifest.json.p7s'),
    caPem: text('ca.pem'),
    files: new Map([['large-values.csv', bytes('large-values.csv')], ['totals.csv', bytes('totals.csv')]]),
  };
}

/** The middle byte's lowest bit flipped, as the Java tests (and the recorded Java runs) alter a file. */
function flipped(original: Uint8Array): Uint8Array {
  const copy = original.slice();
  copy[copy.length >> 1] = (copy[copy.length >> 1] ?? 0) ^ 0x01;
  return copy;
}

function withFile(input: ReportInput, name: string, content: Uint8Array): ReportInput {
  return { ...input, files: new Map([...input.files, [name, content]]) };
}

/**
 * The lines the Java verifier printed for a case (fixtures/report/java/<case>.txt), as the browser should give them:
 * Java, reading a directory, fails report.json and report.pdf as missing; the browser names them as not checked.
 */
function javaLines(name: string): CheckLine[] {
  const lines = text(`java/${name}.txt`).split('\n').filter((line) => /^(PASS|FAIL) /.test(line)).map((line) => {
    const separator = line.indexOf(': ');
    return { check: line.slice(5, separator), passed: line.startsWith('PASS'), detail: line.slice(separator + 2) };
  });
  const missing = lines.filter((line) => line.detail === 'missing (listed in the manifest)');
  const expected = lines.filter((line) => !missing.includes(line));
  const names = missing.map((line) => line.check.replace(/^file /, '')).join(', ');
  return [...expected, { check: NOT_CHECKED, passed: true,
    detail: `${names}: listed in the signed manifest but not given, so not checked here` }];
}

/** The input each recorded Java case was run on. */
function javaCase(name: string): ReportInput {
  const input = genuine();
  if (name === 'genuine') {
    return input;
  }
  if (name === 'other-ca') {
    return { ...input, caPem: text('other-ca.pem') };
  }
  if (name === 'altered-file') {
    return withFile(input, 'totals.csv', flipped(bytes('totals.csv')));
  }
  if (name === 'altered-manifest') {
    return { ...input, manifest: flipped(input.manifest) };
  }
  if (name === 'not-cms') {
    return { ...input, signature: bytes('totals.csv') };
  }
  return { ...input, signature: bytes(`signatures/${name.replace(/^sig-/, '')}.p7s`) };
}

const javaCases = readdirSync(fileURLToPath(new URL('java/', fixtures))).map((file) => file.replace(/\.txt$/, ''));

function failures(verdict: Verdict): CheckLine[] {
  return verdict.checks.filter((line) => !line.passed);
}

test('a genuine report verifies with its CA', async () => {
  const verdict = await verifyReport(genuine());

  assert.equal(verdict.passed, true, JSON.stringify(failures(verdict)));
  assert.deepEqual(verdict.checks, javaLines('genuine'));
});

test('a report file changed by one byte fails its hash line', async () => {
  const verdict = await verifyReport(withFile(genuine(), 'totals.csv', flipped(bytes('totals.csv'))));

  assert.equal(verdict.passed, false);
  assert.deepEqual(failures(verdict),
    [{ check: 'file totals.csv', passed: false, detail: 'altered (its SHA-256 differs from the manifest)' }]);
});

test('a manifest changed by one byte fails the signature', async () => {
  const input = genuine();
  const verdict = await verifyReport({ ...input, manifest: flipped(input.manifest) });

  assert.equal(verdict.passed, false);
  assert.deepEqual(failures(verdict), [{ check: 'manifest.json.p7s signature', passed: false,
    detail: 'manifest.json was altered: its digest differs from the signed one' }]);
});

test('verification with another CA fails', async () => {
  const verdict = await verifyReport({ ...genuine(), caPem: text('other-ca.pem') });

  assert.equal(verdict.passed, false);
  assert.deepEqual(failures(verdict).map((line) => line.check), ['manifest.json.p7s certificate chain']);
  assert.match(failures(verdict)[0]?.detail ?? '',
    /, not by the CA C=US,O=org2\.ledger\.local,CN=ca\.org2\.ledger\.local$/);
});

test('a signature that is not CMS gives a failed line, no exception', async () => {
  const p7s = bytes('manifest.json.p7s');
  const notCms = [new Uint8Array(), bytes('totals.csv'), p7s.slice(0, p7s.length - 40), new Uint8Array([0x30, 0x80]),
    new Uint8Array(p7s.length).fill(0xff), bytes('ca.pem')];
  for (const signature of notCms) {
    const verdict = await verifyReport({ ...genuine(), signature });

    assert.equal(verdict.passed, false);
    assert.deepEqual(failures(verdict).map((line) => line.check), ['manifest.json.p7s CMS']);
    assert.match(failures(verdict)[0]?.detail ?? '', /^not a DER CMS SignedData \(altered\?\): ./);
  }
});

test('the same check names as the Java verifier in the same order', async () => {
  assert.ok(javaCases.length >= 10, `recorded Java cases: ${javaCases.join(', ')}`);
  for (const name of javaCases) {
    const verdict = await verifyReport(javaCase(name));

    const outline = (lines: readonly CheckLine[]): string[] =>
      lines.map((line) => `${line.passed ? 'PASS' : 'FAIL'} ${line.check}`);
    assert.deepEqual(outline(verdict.checks), outline(javaLines(name)), name);
  }
});

test('the same details as the Java verifier, but for a parser error message', async () => {
  for (const name of javaCases.filter((name) => name !== 'not-cms')) {
    const verdict = await verifyReport(javaCase(name));

    assert.deepEqual(verdict.checks, javaLines(name), name);
  }
});

/**
 * The signature lines the Java verifier printed for each signature of a fixture folder (<folder>/java.txt: a
 * "== <file>" line, then its lines), and the browser's lines for the same signature with the folder's CA for it.
 */
async function signatureLines(folder: string, caOf: (file: string) => string): Promise<[string[], string[]][]> {
  const sections = text(`${folder}/java.txt`).split(/^== /m).filter((section) => section !== '');
  const results: [string[], string[]][] = [];
  for (const section of sections) {
    const [file = '', ...expected] = section.trim().split('\n');
    const input = { ...genuine(), signature: bytes(`${folder}/${file}`), caPem: text(`${folder}/${caOf(file)}`) };
    const verdict = await verifyReport(input);
    const actual = verdict.checks.filter((line) => line.check.startsWith('manifest.json.p7s '))
      .map((line) => `${line.passed ? 'PASS' : 'FAIL'} ${line.check}: ${line.detail}`);
    results.push([actual, expected]);
  }
  return results;
}

test('signatures by Ed25519, RSA, RSA-PSS and P-384 keys, one naming its signer by key identifier, verify as in Java',
  async () => {
    const results = await signatureLines('algorithms', (file) => file.replace(/(-keyid|-pss)?\.p7s$/, '-ca.pem'));

    assert.equal(results.length, 4);
    for (const [actual, expected] of results) {
      assert.deepEqual(actual, expected);
      assert.ok(actual.every((line) => line.startsWith('PASS ')));
    }
  });

test('a CA not yet valid or no longer valid at the signing time fails validity, in the JDK\'s words', async () => {
  const results = await signatureLines('ca-validity', (file) => file.replace(/\.p7s$/, '-ca.pem'));

  assert.equal(results.length, 2);
  for (const [actual, expected] of results) {
    assert.deepEqual(actual, expected);
    assert.match(actual.at(-1) ?? '', /^FAIL manifest\.json\.p7s validity: .*: Not(Before|After): /);
  }
});

test('listed files that were not given are named in one passing line, not failed', async () => {
  const verdict = await verifyReport({ ...genuine(), files: new Map([['totals.csv', bytes('totals.csv')]]) });

  assert.equal(verdict.passed, true);
  assert.deepEqual(verdict.checks.at(-1), { check: NOT_CHECKED, passed: true,
    detail: 'large-values.csv, report.json, report.pdf: listed in the signed manifest but not given, so not checked '
      + 'here' });
});

test('a given file the manifest does not list fails as added', async () => {
  const verdict = await verifyReport(withFile(genuine(), 'extra.csv', new TextEncoder().encode('a,b\r\n')));

  assert.deepEqual(failures(verdict),
    [{ check: 'file extra.csv', passed: false, detail: 'not in the manifest (added?)' }]);
});

test('a CA that is not a PEM certificate gives one failed line and no other check', async () => {
  // A public key in PEM, made here and thrown away: a PEM that is not a certificate (no key material is committed).
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const spki = Buffer.from(await crypto.subtle.exportKey('spki', pair.publicKey)).toString('base64');
  const key = `-----BEGIN PUBLIC KEY-----\n${spki}\n-----END PUBLIC KEY-----\n`;
  const garbage = '-----BEGIN CERTIFICATE-----\nMIIB!!!\n-----END CERTIFICATE-----\n';
  const notDer = '-----BEGIN CERTIFICATE-----\naGVsbG8=\n-----END CERTIFICATE-----\n';
  for (const caPem of ['', 'hello', key, garbage, notDer]) {
    const verdict = await verifyReport({ ...genuine(), caPem });

    assert.equal(verdict.passed, false);
    assert.deepEqual(verdict.checks.map((line) => line.check), [CA_CHECK], caPem);
  }
});

test('a manifest that is not one fails its line and the signature, and no file is checked', async () => {
  const broken = [new TextEncoder().encode('{"kind": "balances"'), new TextEncoder().encode('[]'),
    new Uint8Array([0xff, 0xfe, 0x00]), new TextEncoder().encode('{"files": []}')];
  for (const manifest of broken) {
    const verdict = await verifyReport({ ...genuine(), manifest });

    assert.deepEqual(verdict.checks.filter((line) => line.check === 'manifest.json' || line.check.startsWith('file ')),
      [verdict.checks[0]]);
    assert.equal(verdict.checks[0]?.passed, false);
    assert.match(verdict.checks[0]?.detail ?? '', /^not a manifest \(altered\?\): ./);
    assert.equal(verdict.checks.at(-1)?.check, 'manifest.json.p7s signature');
  }
});

test('a page without WebCrypto (not served over HTTPS) gets one failed line saying so', async (t) => {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
  assert.ok(original);
  // As in an insecure context: crypto is there, crypto.subtle is not.
  Object.defineProperty(globalThis, 'crypto', { configurable: true, value: { getRandomValues: () => undefined } });
  t.after(() => Object.defineProperty(globalThis, 'crypto', original));

  const verdict = await verifyReport(genuine());

  assert.equal(verdict.passed, false);
  assert.deepEqual(verdict.checks.map((line) => line.check), [VERIFICATION]);
  assert.match(verdict.checks[0]?.detail ?? '', /HTTPS/);
});

test('a missing manifest field is named as Java names it', async () => {
  const manifest = JSON.parse(text('manifest.json')) as Record<string, unknown>;
  delete manifest['cutOffBlockHash'];
  const verdict = await verifyReport({ ...genuine(), manifest: new TextEncoder().encode(JSON.stringify(manifest)) });

  assert.deepEqual(verdict.checks[0],
    { check: 'manifest.json', passed: false, detail: 'not a manifest (altered?): field cutOffBlockHash is missing' });
});

test('one byte of the signature changed never passes where the Java verifier fails it, and never throws', async () => {
  const flips = JSON.parse(text('flips.json')) as { xor: number; signatureLength: number; javaPasses: number[] };
  const p7s = bytes('manifest.json.p7s');
  assert.equal(p7s.length, flips.signatureLength);
  const passes: number[] = [];
  for (let at = 0; at < p7s.length; at++) {
    const signature = p7s.slice();
    signature[at] = (signature[at] ?? 0) ^ flips.xor;

    const verdict = await verifyReport({ ...genuine(), signature });

    assert.notEqual(verdict.checks[0]?.check, 'verification', `byte ${at}: ${verdict.checks[0]?.detail}`);
    if (verdict.passed) {
      passes.push(at);
    }
  }
  // Where BC accepts what pkijs refuses (a malformed outer digestAlgorithms set, a non-DER BOOLEAN it re-encodes
  // before checking the certificate's signature), the browser is the stricter one; see the fixtures' README.md.
  assert.deepEqual(passes.filter((at) => !flips.javaPasses.includes(at)), []);
  assert.deepEqual(flips.javaPasses.filter((at) => !passes.includes(at)), [28, 30, 376, 390]);
});
