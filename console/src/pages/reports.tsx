import { useState } from 'preact/hooks';
import { api, enc } from '../api/client';
import type { Consortium, Report } from '../api/types';
import type { Verdict } from '../verify/checks';
import { verifyReport } from '../verify/report';
import { Checks, ErrorBox, Loading, Page, saveFile, useLoad } from '../ui/kit';

function path(report: Report, file: string): string {
  return `/v1/reports/${enc(report.jurisdiction)}/${enc(report.kind)}/${enc(report.name)}/${enc(file)}`;
}

/**
 * The signed reports the caller may read (a regulator: its jurisdiction's), each downloadable, and verifiable here:
 * the detached signature over the manifest against the org CA the reader pins (by default the issuing org's CA as
 * the consortium lists it, or the reader's own copy), and every file's hash against the manifest.
 */
export function Reports() {
  const loaded = useLoad(() => api.get<{ reports: Report[] }>('/v1/reports'), 'reports');
  const consortium = useLoad(() => api.get<Consortium>('/v1/consortium'), 'consortium');
  const reports = loaded.data?.reports ?? [];
  return (
    <Page title="Reports">
      <Loading loaded={loaded} />
      {loaded.data && reports.length === 0 ? <p class="muted">No reports have been published for you yet (the reconciler publishes them after each nightly run).</p> : null}
      <ul class="report-list">
        {reports.map((report) => <li><ReportItem report={report} consortium={consortium.data} /></li>)}
      </ul>
    </Page>
  );
}

function ReportItem(props: { report: Report; consortium: Consortium | null }) {
  const { report } = props;
  const roots = props.consortium?.roots ?? [];
  const [listed, setListed] = useState<string | null>(null);
  const [own, setOwn] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [error, setError] = useState<Error | null>(null);
  // By default the CA of the org that serves this page (whose reconciler signed the report); the reader may pick
  // another org's as the node lists it, or paste its own copy, which then is the only one used.
  const ownOrg = roots.find((root) => root.organization.startsWith(`${props.consortium?.org.toLowerCase() ?? '\u0000'}.`));
  const picked = listed ?? ownOrg?.certificatePem ?? roots[0]?.certificatePem ?? '';
  const chosen = own.trim() !== '' ? own : picked;
  const dataFiles = report.files.filter((file) => file !== 'manifest.json' && file !== 'manifest.json.p7s');
  async function verify() {
    setError(null);
    setVerdict(null);
    try {
      const [manifest, signature, ...data] = await Promise.all([api.bytes(path(report, 'manifest.json')), api.bytes(path(report, 'manifest.json.p7s')),
        ...dataFiles.map((file) => api.bytes(path(report, file)))]);
      const files = new Map(dataFiles.map((file, i) => [file, data[i] as Uint8Array]));
      setVerdict(await verifyReport({ manifest: manifest as Uint8Array, signature: signature as Uint8Array, caPem: chosen, files }));
    } catch (e) {
      setError(e as Error);
    }
  }
  return (
    <article class="card" aria-label={`${report.kind} ${report.period} ${report.jurisdiction}`}>
      <h2>{report.kind.replace(/-/g, ' ')} · {report.period} · {report.jurisdiction}</h2>
      <p class="muted">Up to block {report.cutOffBlock}. Files:</p>
      <ul class="files">{report.files.map((file) => (
        <li><button type="button" class="link" onClick={async () => {
          try {
            saveFile(await api.blob(path(report, file)), `${report.name}-${file}`);
          } catch (e) {
            setError(e as Error);
          }
        }}>{file}</button></li>
      ))}</ul>
      <label>Org CA the signature must chain to
        <select name="report-ca" value={picked} disabled={own.trim() !== ''} onChange={(e) => setListed((e.target as HTMLSelectElement).value)}>
          {roots.map((root) => <option value={root.certificatePem}>{root.organization} (as this node lists it)</option>)}
        </select></label>
      <label>or paste your own copy of the CA certificate (PEM)
        <textarea name="report-ca-pem" rows={3} value={own} onInput={(e) => setOwn((e.target as HTMLTextAreaElement).value)} /></label>
      <button type="button" class="primary" onClick={() => void verify()}>Verify signature in this browser</button>
      <ErrorBox error={error} />
      {verdict ? <Checks checks={verdict.checks} passed={verdict.passed} label="Report" /> : null}
    </article>
  );
}
