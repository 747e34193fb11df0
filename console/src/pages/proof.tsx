import { useState } from 'preact/hooks';
import { api, enc } from '../api/client';
import type { Consortium, Transaction } from '../api/types';
import type { Verdict } from '../verify/checks';
import { verifyProofBundle } from '../verify/proof';
import { Checks, ErrorBox, Link, Loading, Page, Time, saveFile, useLoad } from '../ui/kit';

/** PEM certificates found in a text (several may be pasted or read from files at once). */
function pemsIn(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

/**
 * The trust a proof is verified against: by default the consortium's root certificates as this node lists them; an
 * auditor who does not want to trust this node supplies its own copy (files or pasted PEM), and only those count.
 */
function RootsChooser(props: { onRoots: (roots: string[] | null) => void }) {
  const [own, setOwn] = useState('');
  return (
    <details class="roots">
      <summary>Root certificates: the consortium's as this node lists them, or your own copy</summary>
      <label>Your root certificates (PEM files)
        <input type="file" name="roots" multiple accept=".pem,.crt,.cer" onChange={async (event) => {
          const files = Array.from((event.target as HTMLInputElement).files ?? []);
          const text = (await Promise.all(files.map((file) => file.text()))).join('\n');
          setOwn(text);
          props.onRoots(pemsIn(text).length > 0 ? pemsIn(text) : null);
        }} /></label>
      <label>or paste them
        <textarea name="roots-pem" rows={4} value={own} onInput={(event) => {
          const text = (event.target as HTMLTextAreaElement).value;
          setOwn(text);
          props.onRoots(pemsIn(text).length > 0 ? pemsIn(text) : null);
        }} /></label>
      <p class="muted">{pemsIn(own).length > 0 ? `${pemsIn(own).length} certificate(s) of yours will be trusted, and no other.` : "No certificates of yours: the node's list is used."}</p>
    </details>
  );
}

/** Verifies a proof bundle in this browser and shows each check as the command-line verifier prints it. */
export function ProofCheck(props: { load: () => Promise<Uint8Array>; name: string }) {
  const [roots, setRoots] = useState<string[] | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    setError(null);
    setVerdict(null);
    try {
      const bundle = await props.load();
      const trust = roots ?? (await api.get<Consortium>('/v1/consortium')).roots.map((root) => root.certificatePem);
      setVerdict(await verifyProofBundle(bundle, { roots: trust }));
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="proof-title" class="card">
      <h2 id="proof-title">Proof</h2>
      <p class="muted">The bundle is checked here, in your browser: header chain, data hash, orderer signatures, endorsements and every member org's attestation, against the root certificates below.</p>
      <RootsChooser onRoots={setRoots} />
      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={() => void run()}>{busy ? 'Verifying…' : 'Verify proof in this browser'}</button>
        <button type="button" onClick={async () => {
          try {
            saveFile(new Blob([await props.load() as BlobPart], { type: 'application/json' }), props.name);
          } catch (e) {
            setError(e as Error);
          }
        }}>Download bundle</button>
      </div>
      <ErrorBox error={error} />
      {verdict ? <Checks checks={verdict.checks} passed={verdict.passed} label="Proof" /> : null}
    </section>
  );
}

export function TransactionPage(props: { txId: string }) {
  const loaded = useLoad(() => api.get<Transaction>(`/v1/transactions/${enc(props.txId)}`), props.txId);
  const tx = loaded.data;
  return (
    <Page title="Transaction">
      <Loading loaded={loaded} />
      {tx ? (
        <>
          <dl class="facts">
            <dt>Transaction id</dt><dd><code class="wrap">{tx.txId}</code></dd>
            <dt>Block</dt><dd><Link href={`/console/blocks/${tx.blockNumber}`}>#{tx.blockNumber}</Link>, index {tx.txIndex}</dd>
            <dt>Validation code</dt><dd class={tx.validationCode === 'VALID' ? 'ok' : 'bad'}>{tx.validationCode}</dd>
            <dt>Function</dt><dd>{tx.chaincode} {tx.function}</dd>
            <dt>Created by</dt><dd>{tx.creatorMsp}</dd>
            <dt>Time</dt><dd><Time value={tx.txTimestamp} /></dd>
          </dl>
          <h2>Legs</h2>
          <div class="table-wrap"><table>
            <thead><tr><th scope="col">#</th><th scope="col">Account</th><th scope="col">Kind</th><th scope="col" class="num">Amount (minor units)</th><th scope="col">Counterparty</th><th scope="col">Reference</th></tr></thead>
            <tbody>{tx.entries.map((entry) => (
              <tr><td>{entry.entryIndex}</td>
                <td>{entry.accountId ? <Link href={`/console/accounts/${enc(entry.accountId)}`}>{entry.accountId}</Link> : <span class="muted">not yours to see</span>}</td>
                <td>{entry.kind}</td><td class="num">{entry.amount} {entry.asset}</td><td>{entry.counterparty ?? '—'}</td><td>{entry.reference ?? '—'}</td></tr>
            ))}</tbody>
          </table></div>
          <ProofCheck load={() => api.bytes(`/v1/proofs/${enc(tx.txId)}`)} name={`proof-${tx.txId}.json`} />
        </>
      ) : null}
    </Page>
  );
}

/** A bundle file of the auditor's own (one it was sent, or kept): verified the same way, with no node involved but its roots. */
export function VerifyFile() {
  const [file, setFile] = useState<File | null>(null);
  return (
    <Page title="Verify a proof bundle">
      <p>Choose a bundle file (from <code>GET /v1/proofs/&#123;txId&#125;</code>, or one you were sent). It is read and checked in this browser only.</p>
      <label>Proof bundle <input type="file" name="bundle" accept=".json,application/json" onChange={(event) => setFile((event.target as HTMLInputElement).files?.[0] ?? null)} /></label>
      {file ? <ProofCheck key={`${file.name}-${file.size}-${file.lastModified}`} load={async () => new Uint8Array(await file.arrayBuffer())} name={file.name} /> : null}
      <p class="muted">A transaction's own page verifies its proof too: find it from a <Link href="/console/blocks">block</Link> or an account's history.</p>
    </Page>
  );
}
