import { useState } from 'preact/hooks';
import { api, withQuery } from '../api/client';
import type { Break, Run } from '../api/types';
import { Link, Loading, Page, Time, useLoad } from '../ui/kit';

/** Reconciliation runs, newest first, and the breaks of the one chosen. */
export function Reconciliation() {
  const [cursor, setCursor] = useState<string | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const loaded = useLoad(() => api.get<{ runs: Run[]; nextCursor: string | null }>(withQuery('/v1/reconciliation/runs', { limit: 20, cursor })), String(cursor));
  return (
    <Page title="Reconciliation">
      <Loading loaded={loaded} />
      {loaded.data && loaded.data.runs.length === 0 ? <p class="muted">No run yet: the reconciler runs nightly (see the operator's page for its schedule).</p> : null}
      <div class="table-wrap"><table>
        <thead><tr><th scope="col">Run</th><th scope="col">Trigger</th><th scope="col">Status</th><th scope="col">Started</th><th scope="col">Finished</th><th scope="col">Up to block</th><th scope="col" class="num">Accounts compared</th><th scope="col" class="num">Breaks</th></tr></thead>
        <tbody>{(loaded.data?.runs ?? []).map((run) => (
          <tr><td><button type="button" class="link" aria-pressed={chosen === run.id} onClick={() => setChosen(run.id)}>#{run.id}</button></td><td>{run.trigger}</td>
            <td class={run.status === 'CLEAN' || run.status === 'COMPLETED' ? 'ok' : run.breaksFound > 0 || run.failure ? 'bad' : ''}>{run.status}</td>
            <td><Time value={run.startedAt} /></td><td><Time value={run.finishedAt} /></td><td>{run.consistentBlock ?? '—'}</td>
            <td class="num">{run.accountsCompared}</td><td class={`num ${run.breaksFound > 0 ? 'bad' : ''}`}>{run.breaksFound}</td></tr>
        ))}</tbody>
      </table></div>
      {loaded.data?.nextCursor ? <button type="button" onClick={() => setCursor(loaded.data?.nextCursor ?? null)}>Older runs</button> : null}
      {chosen !== null ? <Breaks run={chosen} /> : null}
    </Page>
  );
}

function Breaks(props: { run: number }) {
  const loaded = useLoad(() => api.get<{ breaks: Break[]; nextCursor: string | null }>(withQuery(`/v1/reconciliation/runs/${props.run}/breaks`, { limit: 100 })), String(props.run));
  return (
    <section aria-labelledby="breaks-title">
      <h2 id="breaks-title">Breaks of run #{props.run}</h2>
      <Loading loaded={loaded} />
      {loaded.data && loaded.data.breaks.length === 0 ? <p class="ok">No breaks: the mirror matched the chain.</p> : (
        <div class="table-wrap"><table>
          <thead><tr><th scope="col">Type</th><th scope="col">Subject</th><th scope="col">Chain</th><th scope="col">Mirror</th><th scope="col">Transaction</th></tr></thead>
          <tbody>{(loaded.data?.breaks ?? []).map((item) => (
            <tr><td>{item.type}</td><td>{item.subject}</td><td>{item.chainValue ?? '—'}</td><td>{item.mirrorValue ?? '—'}</td>
              <td>{item.txId ? <Link href={`/console/transactions/${item.txId}`}>{item.txId.slice(0, 12)}…</Link> : '—'}</td></tr>
          ))}</tbody>
        </table></div>
      )}
    </section>
  );
}
