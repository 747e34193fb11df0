import { useCallback, useState } from 'preact/hooks';
import { api, enc, withQuery } from '../api/client';
import type { Block, BlocksPage } from '../api/types';
import { Hash, Link, Loading, Page, Time, useInterval, useLoad } from '../ui/kit';

const PAGE = 20;

/** Blocks newest first, the hash chain shown; the first page follows new blocks as they arrive. */
export function Blocks() {
  const [before, setBefore] = useState<number | null>(null);
  const loaded = useLoad(() => api.get<BlocksPage>(withQuery('/v1/blocks', { before, limit: PAGE })), String(before));
  const refresh = useCallback(() => {
    if (before === null) {
      loaded.reload();
    }
  }, [before, loaded.reload]);
  useInterval(refresh, 2000);
  const blocks = loaded.data?.blocks ?? [];
  return (
    <Page title="Blocks" actions={<span class="muted" aria-live="polite">{before === null ? 'live' : 'older blocks'} · mirror height {loaded.data?.mirrorHeight ?? '…'}</span>}>
      <Loading loaded={loaded} />
      <div class="table-wrap">
        <table>
          <caption class="sr-only">Blocks, newest first, with the link of each to the one below it</caption>
          <thead><tr><th scope="col">Block</th><th scope="col">Header hash</th><th scope="col">Previous hash</th><th scope="col">Links to the block below</th><th scope="col">Transactions</th><th scope="col">Seen</th></tr></thead>
          <tbody>
            {blocks.map((block, i) => {
              const below = blocks[i + 1];
              const linked = below === undefined ? null : below.headerHash === block.previousHash;
              return (
                <tr>
                  <td><Link href={`/console/blocks/${block.number}`}>#{block.number}</Link></td>
                  <td><Hash value={block.headerHash} /></td>
                  <td><Hash value={block.previousHash} /></td>
                  <td>{linked === null ? <span class="muted">next page</span> : linked ? <span class="ok">✔ linked</span> : <span class="bad">✘ broken</span>}</td>
                  <td>{block.txCount}</td>
                  <td><Time value={block.observedAt} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div class="pager">
        {before !== null ? <button type="button" onClick={() => setBefore(null)}>Newest</button> : null}
        {loaded.data?.nextBefore !== null && loaded.data?.nextBefore !== undefined
          ? <button type="button" onClick={() => setBefore(loaded.data?.nextBefore ?? null)}>Older blocks</button> : null}
      </div>
    </Page>
  );
}

export function BlockPage(props: { number: string }) {
  const loaded = useLoad(() => api.get<Block>(`/v1/blocks/${enc(props.number)}`), props.number);
  const block = loaded.data;
  return (
    <Page title={`Block #${props.number}`}>
      <Loading loaded={loaded} />
      {block ? (
        <>
          <dl class="facts">
            <dt>Header hash</dt><dd><code class="wrap">{block.headerHash}</code></dd>
            <dt>Previous hash</dt><dd><code class="wrap">{block.previousHash}</code></dd>
            <dt>Data hash</dt><dd><code class="wrap">{block.dataHash}</code></dd>
            <dt>Seen by the mirror</dt><dd><Time value={block.observedAt} /></dd>
          </dl>
          <h2>Transactions</h2>
          <div class="table-wrap"><table>
            <thead><tr><th scope="col">#</th><th scope="col">Transaction</th><th scope="col">Validation</th><th scope="col">Creator</th><th scope="col">Function</th></tr></thead>
            <tbody>{block.transactions.map((tx) => (
              <tr><td>{tx.txIndex}</td><td><Link href={`/console/transactions/${tx.txId}`}><Hash value={tx.txId} /></Link></td>
                <td class={tx.validationCode === 'VALID' ? 'ok' : 'bad'}>{tx.validationCode}</td><td>{tx.creatorMsp}</td><td>{tx.function}</td></tr>
            ))}</tbody>
          </table></div>
        </>
      ) : null}
    </Page>
  );
}
