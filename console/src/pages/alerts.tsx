import { useState } from 'preact/hooks';
import { api, enc, withQuery } from '../api/client';
import type { Alert } from '../api/types';
import { Link, Loading, Page, Time, useLoad } from '../ui/kit';

/** Compliance alerts (large value, structuring, frozen account receiving), newest first; a regulator sees its jurisdiction's. */
export function Alerts() {
  const [cursor, setCursor] = useState<string | null>(null);
  const [kind, setKind] = useState('');
  const loaded = useLoad(() => api.get<{ alerts: Alert[]; nextCursor: string | null }>(withQuery('/v1/alerts', { limit: 20, cursor, kind })), `${cursor}|${kind}`);
  return (
    <Page title="Alerts">
      <label class="inline">Kind <select name="alert-kind" value={kind} onChange={(e) => { setCursor(null); setKind((e.target as HTMLSelectElement).value); }}>
        <option value="">all</option><option value="LARGE_VALUE">large value</option><option value="STRUCTURING">structuring</option>
        <option value="FROZEN_ACCOUNT_RECEIVING">frozen account receiving</option></select></label>
      <Loading loaded={loaded} />
      {loaded.data && loaded.data.alerts.length === 0 ? <p class="muted">No alerts.</p> : null}
      <div class="table-wrap"><table>
        <thead><tr><th scope="col">Raised</th><th scope="col">Kind</th><th scope="col">Account</th><th scope="col">Jurisdiction</th><th scope="col" class="num">Amount (minor units)</th><th scope="col">Detail</th><th scope="col">Transaction</th></tr></thead>
        <tbody>{(loaded.data?.alerts ?? []).map((alert) => (
          <tr><td><Time value={alert.raisedAt} /></td><td class="bad">{alert.kind}</td>
            <td><Link href={`/console/accounts/${enc(alert.accountId)}`}>{alert.accountId}</Link></td><td>{alert.jurisdiction ?? '—'}</td>
            <td class="num">{alert.amount} {alert.asset}</td><td>{alert.detail}</td>
            <td>{alert.txId ? <Link href={`/console/transactions/${alert.txId}`}>{alert.txId.slice(0, 12)}…</Link> : '—'}</td></tr>
        ))}</tbody>
      </table></div>
      {loaded.data?.nextCursor ? <button type="button" onClick={() => setCursor(loaded.data?.nextCursor ?? null)}>Older alerts</button> : null}
    </Page>
  );
}
