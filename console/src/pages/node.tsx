import { useCallback } from 'preact/hooks';
import { api } from '../api/client';
import type { Consortium, NodeStatus } from '../api/types';
import { Link, Loading, Page, Time, useInterval, useLoad } from '../ui/kit';

/** The operator's page: processes and health, lag, recent errors, the consortium, the reconciler; refreshed every 5 s. */
export function NodePage() {
  const loaded = useLoad(() => api.get<NodeStatus>('/v1/node/status'), 'status');
  const consortium = useLoad(() => api.get<Consortium>('/v1/consortium'), 'consortium');
  const refresh = useCallback(() => loaded.reload(), [loaded.reload]);
  useInterval(refresh, 5000);
  const status = loaded.data;
  return (
    <Page title="Node" actions={status ? <span class="muted" aria-live="polite">as of <Time value={status.observedAt} /></span> : null}>
      <Loading loaded={loaded} />
      {status ? (
        <>
          <div class="tiles">
            <div class="tile"><span class="muted">Chain height ({status.org})</span><strong data-testid="chain-height">{status.chainHeight ?? '?'}</strong>{status.chainError ? <span class="bad">{status.chainError}</span> : null}</div>
            <div class="tile"><span class="muted">Mirror height</span><strong data-testid="mirror-height">{status.mirrorHeight}</strong></div>
            <div class="tile"><span class="muted">Bridge lag</span><strong class={status.lagBlocks !== null && status.lagBlocks > 5 ? 'bad' : 'ok'}>{status.lagBlocks === null ? '?' : `${status.lagBlocks} block(s)`}</strong></div>
            <div class="tile"><span class="muted">Reconciler</span><span>next <Time value={status.reconciler.nextRunAt} /> {status.reconciler.cron ? <code>{status.reconciler.cron} {status.reconciler.timeZone}</code> : null}</span>
              <span>last {status.reconciler.lastRun ? <><Link href="/console/reconciliation">#{status.reconciler.lastRun.id}</Link> {status.reconciler.lastRun.status}, {status.reconciler.lastRun.breaksFound} break(s)</> : 'none yet'}</span></div>
          </div>
          <h2>Health</h2>
          <ul class="checks-list">{Object.entries(status.checks).map(([name, value]) => (
            <li class={value === 'UP' ? 'ok' : 'bad'}><strong>{name}</strong>: {value}</li>
          ))}</ul>
          <h2>Processes</h2>
          <div class="table-wrap"><table data-testid="processes">
            <thead><tr><th scope="col">Process</th><th scope="col">State</th><th scope="col">Since</th><th scope="col">Pid</th><th scope="col" class="num">Restarts</th></tr></thead>
            <tbody>{status.processes.map((process) => (
              <tr><td>{process.name}</td><td class={process.running ? 'ok' : 'bad'}>{process.state}{process.detail ? ` (${process.detail})` : ''}</td>
                <td><Time value={process.since} /></td><td>{process.pid ?? '—'}</td><td class="num">{process.restarts ?? '—'}</td></tr>
            ))}</tbody>
          </table></div>
          <h2>Recent errors</h2>
          {status.recentErrors.length === 0 ? <p class="ok">None.</p> : (
            <div class="table-wrap"><table>
              <thead><tr><th scope="col">When</th><th scope="col">Where</th><th scope="col">Level</th><th scope="col">Message</th></tr></thead>
              <tbody>{[...status.recentErrors].reverse().map((line) => (
                <tr><td><Time value={line.at} /></td><td>{line.source}</td><td>{line.level}</td><td class="wrap">{line.message}</td></tr>
              ))}</tbody>
            </table></div>
          )}
        </>
      ) : null}
      <h2>Consortium</h2>
      {consortium.data ? (
        <>
          <p>Channel <code>{consortium.data.channel}</code>, chaincode <code>{consortium.data.chaincode}</code>.</p>
          <div class="table-wrap"><table>
            <thead><tr><th scope="col">Org</th><th scope="col">MSP</th><th scope="col">Gateway peers</th></tr></thead>
            <tbody>{consortium.data.members.map((member) => (
              <tr><td>{member.name}{member.name === consortium.data?.org ? ' (this node)' : ''}</td><td>{member.mspId}</td><td>{member.peers.join(', ')}</td></tr>
            ))}</tbody>
          </table></div>
        </>
      ) : <Loading loaded={consortium} />}
    </Page>
  );
}
