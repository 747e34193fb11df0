import type { CheckLine } from '../checks';
import { failed, passed, sha256Hex } from './bytes';
import { MANIFEST_FILE, SIGNATURE_FILE, type Manifest } from './manifest';

/** The check naming the listed files that were not given, so not checked. Not one of the Java verifier's. */
export const NOT_CHECKED = 'files not checked';

/**
 * Each file against the manifest, as ReportVerifier.fileChecks: the listed files in the manifest's order, then every
 * given file the manifest does not list, in name order. A listed file that was not given is not a failure here (the
 * Java verifier, reading a whole directory, fails it as missing): the browser downloads the files it was asked to
 * check, one by one, and the signed manifest already says the others exist. One line names them instead.
 */
export async function fileChecks(manifest: Manifest, files: ReadonlyMap<string, Uint8Array>): Promise<CheckLine[]> {
  const checks: CheckLine[] = [];
  const listed = new Set([MANIFEST_FILE, SIGNATURE_FILE]);
  const notGiven: string[] = [];
  for (const file of manifest.files) {
    const subject = `file ${file.name}`;
    const twice = listed.has(file.name);
    listed.add(file.name);
    if (twice || !safeName(file.name)) {
      checks.push(failed(subject, 'listed twice or not a plain file name in the manifest'));
      continue;
    }
    const bytes = files.get(file.name);
    if (bytes === undefined) {
      notGiven.push(file.name);
    } else if ((await sha256Hex(bytes)) !== file.sha256) {
      checks.push(failed(subject, 'altered (its SHA-256 differs from the manifest)'));
    } else {
      checks.push(passed(subject, `SHA-256 ${file.sha256}`));
    }
  }
  checks.push(...unlisted(files, listed));
  if (notGiven.length > 0) {
    checks.push(passed(NOT_CHECKED, `${notGiven.join(', ')}: listed in the signed manifest but not given, so not `
      + 'checked here'));
  }
  return checks;
}

/** Given files the manifest does not list: each a failure, as in Java, in the order of Java's TreeSet. */
function unlisted(files: ReadonlyMap<string, Uint8Array>, listed: ReadonlySet<string>): CheckLine[] {
  // Plain sort compares UTF-16 code units, as String.compareTo does.
  return [...files.keys()].filter((name) => !listed.has(name)).sort()
    .map((name) => failed(`file ${name}`, 'not in the manifest (added?)'));
}

function safeName(name: string): boolean {
  return name !== '' && !name.includes('/') && !name.includes('\\') && name !== '.' && name !== '..';
}
