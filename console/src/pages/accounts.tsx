import { useState } from 'preact/hooks';
import { api, ApiError, enc, withQuery } from '../api/client';
import type { Account, AccountsPage, HistoryLine, HistoryPage, HoldsPage, Written } from '../api/types';
import { session } from '../auth/session';
import { formatMinor, parseMajor } from '../money';
import { ConfirmButton, ErrorBox, Link, Loading, Page, Time, saveFile, useLoad } from '../ui/kit';

/** The accounts the caller may read, a page at a time (the API decides which: the console asks for no more). */
export function Accounts() {
  const claims = session.claims();
  const [cursor, setCursor] = useState<string | null>(null);
  const [jurisdiction, setJurisdiction] = useState('');
  const loaded = useLoad(() => api.get<AccountsPage>(withQuery('/v1/accounts', { cursor, jurisdiction, limit: 20 })), `${cursor}|${jurisdiction}`);
  const operator = claims?.roles.includes('operator') ?? false;
  return (
    <Page title={claims?.roles.includes('wallet') && claims.roles.length === 1 ? 'My accounts' : 'Accounts'}>
      {claims?.roles.some((role) => role === 'auditor' || role === 'operator' || role === 'issuer') ? (
        <label class="inline">Jurisdiction <input name="filter-jurisdiction" size={3} maxLength={2} value={jurisdiction}
          onChange={(e) => { setCursor(null); setJurisdiction((e.target as HTMLInputElement).value.toUpperCase()); }} /></label>
      ) : null}
      <Loading loaded={loaded} />
      <div class="table-wrap"><table>
        <caption class="sr-only">Accounts in id order</caption>
        <thead><tr><th scope="col">Account</th><th scope="col">Asset</th><th scope="col">Jurisdiction</th><th scope="col">Status</th><th scope="col" class="num">Balance (minor units)</th><th scope="col" class="num">Held</th></tr></thead>
        <tbody>{(loaded.data?.accounts ?? []).map((account) => (
          <tr><td><Link href={`/console/accounts/${enc(account.id)}`}>{account.id}</Link></td><td>{account.asset}</td><td>{account.jurisdiction ?? '—'}</td>
            <td class={account.status === 'ACTIVE' ? '' : 'bad'}>{account.status}</td><td class="num">{account.balance}</td><td class="num">{account.held}</td></tr>
        ))}</tbody>
      </table></div>
      <div class="pager">
        {cursor !== null ? <button type="button" onClick={() => setCursor(null)}>First page</button> : null}
        {loaded.data?.nextCursor ? <button type="button" onClick={() => setCursor(loaded.data?.nextCursor ?? null)}>Next page</button> : null}
      </div>
      {operator ? <OpenAccount onOpened={loaded.reload} /> : null}
    </Page>
  );
}

function OpenAccount(props: { onOpened: () => void }) {
  const [form, setForm] = useState({ id: '', asset: '', ownerRef: '', jurisdiction: '' });
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const field = (name: keyof typeof form, label: string) => (
    <label>{label} <input name={`open-${name}`} required value={form[name]} onInput={(e) => setForm({ ...form, [name]: (e.target as HTMLInputElement).value })} /></label>
  );
  return (
    <section class="card" aria-labelledby="open-title">
      <h2 id="open-title">Open an account</h2>
      <div class="fields">{field('id', 'Account id')}{field('asset', 'Asset')}{field('ownerRef', 'Owner reference')}{field('jurisdiction', 'Jurisdiction')}</div>
      <ConfirmButton label="Open account" question={`Open account ${form.id || '…'} in ${form.asset || '…'}?`} onConfirm={async () => {
        setError(null);
        try {
          const written = await api.write<Written>('POST', '/v1/accounts', form);
          setDone(`Opened ${form.id} in transaction ${written.txId} (${written.status}).`);
          props.onOpened();
        } catch (e) {
          setError(e as Error);
        }
      }} />
      <ErrorBox error={error} />{done ? <p class="ok" role="status">{done}</p> : null}
    </section>
  );
}

/** One account: balance, holds, history with references, statements; a transfer form for its holder; controls for operators. */
export function AccountPage(props: { id: string }) {
  const claims = session.claims();
  const [minBlock, setMinBlock] = useState<number | null>(null);
  const loaded = useLoad(() => api.get<Account>(withQuery(`/v1/accounts/${enc(props.id)}`, { minBlock })), `${props.id}|${minBlock}`);
  const account = loaded.data;
  const committed = (block: number | null | undefined) => setMinBlock(block ?? null);
  if (loaded.error instanceof ApiError && loaded.error.status === 404) {
    return <Page title="Not found"><ErrorBox error={loaded.error} /><p><Link href="/console/">Back to the start</Link></p></Page>;
  }
  return (
    <Page title={`Account ${props.id}`}>
      <Loading loaded={loaded} />
      {account ? (
        <>
          <div class="tiles">
            <div class="tile"><span class="muted">Balance</span><strong class="amount" data-testid="balance">{formatMinor(account.balance, account.decimals)} {account.asset}</strong></div>
            <div class="tile"><span class="muted">Held</span><strong class="amount">{formatMinor(account.held, account.decimals)} {account.asset}</strong></div>
            <div class="tile"><span class="muted">Status</span><strong class={account.status === 'ACTIVE' ? 'ok' : 'bad'} data-testid="status">{account.status}</strong></div>
            <div class="tile"><span class="muted">Limits</span><span>per transfer {account.perTransferMax ? formatMinor(account.perTransferMax, account.decimals) : 'none'}; daily {account.dailyDebitMax ? formatMinor(account.dailyDebitMax, account.decimals) : 'none'}</span></div>
          </div>
          {claims?.roles.includes('wallet') && claims.accounts.includes(account.id) ? <TransferForm account={account} onCommitted={committed} /> : null}
          {claims?.roles.includes('operator') ? <Controls account={account} onCommitted={committed} /> : null}
          <Holds account={account} minBlock={minBlock} />
          <History account={account} minBlock={minBlock} />
          <Statements account={account} />
        </>
      ) : null}
    </Page>
  );
}

function TransferForm(props: { account: Account; onCommitted: (block: number | null | undefined) => void }) {
  const [to, setTo] = useState('');
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const parsed = parseMajor(amount, props.account.decimals);
  return (
    <section class="card" aria-labelledby="transfer-title">
      <h2 id="transfer-title">Send a transfer</h2>
      <form onSubmit={(event) => event.preventDefault()}>
        <div class="fields">
          <label>To account <input name="to" required value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value.trim())} /></label>
          <label>Amount ({props.account.asset}) <input name="amount" inputMode="decimal" required value={amount} aria-describedby="amount-help"
            onInput={(e) => setAmount((e.target as HTMLInputElement).value)} /></label>
          <label>Reference <input name="reference" maxLength={140} value={reference} onInput={(e) => setReference((e.target as HTMLInputElement).value)} /></label>
        </div>
        <p id="amount-help" class={amount !== '' && !parsed.ok ? 'bad' : 'muted'}>{amount !== '' && !parsed.ok ? parsed.why : `In major units, up to ${props.account.decimals} decimals.`}</p>
        {parsed.ok && to !== '' ? (
          <ConfirmButton label="Send" question={`Send ${formatMinor(parsed.minor, props.account.decimals)} ${props.account.asset} to ${to}?`} onConfirm={async () => {
            setError(null);
            setDone(null);
            try {
              const written = await api.write<Written>('POST', '/v1/transfers', { from: props.account.id, to, asset: props.account.asset,
                amount: parsed.minor, ...(reference === '' ? {} : { reference }) });
              setDone(written.status === 'COMMITTED' ? `Committed in block ${written.blockNumber} (transaction ${written.txId}).`
                : `Sent; its commit has not been confirmed yet (transaction ${written.txId}).`);
              setAmount('');
              props.onCommitted(written.blockNumber);
            } catch (e) {
              setError(e as Error);
            }
          }} />
        ) : <button type="button" disabled>Send</button>}
      </form>
      <ErrorBox error={error} />{done ? <p class="ok" role="status" data-testid="transfer-result">{done}</p> : null}
    </section>
  );
}

function Controls(props: { account: Account; onCommitted: (block: number | null | undefined) => void }) {
  const [error, setError] = useState<Error | null>(null);
  const [perTransfer, setPerTransfer] = useState('');
  const [daily, setDaily] = useState('');
  const act = async (write: () => Promise<Written>) => {
    setError(null);
    try {
      props.onCommitted((await write()).blockNumber);
    } catch (e) {
      setError(e as Error);
    }
  };
  const minor = (text: string) => {
    if (text.trim() === '') {
      return undefined;
    }
    const parsed = parseMajor(text, props.account.decimals);
    if (!parsed.ok) {
      throw new Error(`limit: ${parsed.why}`);
    }
    return parsed.minor;
  };
  const frozen = props.account.status === 'FROZEN';
  return (
    <section class="card" aria-labelledby="controls-title">
      <h2 id="controls-title">Operator controls</h2>
      <div class="actions">
        {frozen
          ? <ConfirmButton label="Unfreeze" question={`Unfreeze ${props.account.id}?`} onConfirm={() => act(() => api.write<Written>('POST', `/v1/accounts/${enc(props.account.id)}/unfreeze`, { reason: 'console' }))} />
          : <ConfirmButton danger label="Freeze" question={`Freeze ${props.account.id}? It will neither send nor receive.`} onConfirm={() => act(() => api.write<Written>('POST', `/v1/accounts/${enc(props.account.id)}/freeze`, { reason: 'console' }))} />}
      </div>
      <div class="fields">
        <label>Per-transfer limit ({props.account.asset}) <input name="limit-per-transfer" inputMode="decimal" value={perTransfer} onInput={(e) => setPerTransfer((e.target as HTMLInputElement).value)} /></label>
        <label>Daily debit limit ({props.account.asset}) <input name="limit-daily" inputMode="decimal" value={daily} onInput={(e) => setDaily((e.target as HTMLInputElement).value)} /></label>
      </div>
      <ConfirmButton label="Set limits" question="Set these limits (an empty one means none)?" onConfirm={() => act(() =>
        api.write<Written>('PUT', `/v1/accounts/${enc(props.account.id)}/limits`, { perTransferMax: minor(perTransfer), dailyDebitMax: minor(daily) }))} />
      <ErrorBox error={error} />
    </section>
  );
}

function Holds(props: { account: Account; minBlock: number | null }) {
  const [status, setStatus] = useState('OPEN');
  const loaded = useLoad(() => api.get<HoldsPage>(withQuery(`/v1/accounts/${enc(props.account.id)}/holds`, { status, minBlock: props.minBlock, limit: 20 })),
    `${props.account.id}|${status}|${props.minBlock}`);
  return (
    <section aria-labelledby="holds-title">
      <h2 id="holds-title">Holds</h2>
      <label class="inline">Status <select name="hold-status" value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value)}>
        {['OPEN', 'CAPTURED', 'VOIDED', 'RELEASED'].map((value) => <option value={value}>{value.toLowerCase()}</option>)}</select></label>
      <Loading loaded={loaded} />
      {loaded.data && loaded.data.holds.length === 0 ? <p class="muted">No {status.toLowerCase()} holds.</p> : (
        <div class="table-wrap"><table>
          <thead><tr><th scope="col">Hold</th><th scope="col" class="num">Amount</th><th scope="col">Payee</th><th scope="col">Expires</th><th scope="col">Status</th></tr></thead>
          <tbody>{(loaded.data?.holds ?? []).map((hold) => (
            <tr><td>{hold.id}</td><td class="num">{formatMinor(hold.amount, props.account.decimals)} {hold.asset}</td><td>{hold.payee ?? '—'}</td><td><Time value={hold.expiresAt} /></td><td>{hold.status}</td></tr>
          ))}</tbody>
        </table></div>
      )}
    </section>
  );
}

function History(props: { account: Account; minBlock: number | null }) {
  const [pages, setPages] = useState<HistoryPage[]>([]);
  const loaded = useLoad(async () => {
    const first = await api.get<HistoryPage>(withQuery(`/v1/accounts/${enc(props.account.id)}/transactions`, { limit: 20, minBlock: props.minBlock }));
    setPages([first]);
    return first;
  }, `${props.account.id}|${props.minBlock}`);
  const lines: HistoryLine[] = pages.flatMap((page) => page.entries);
  const next = pages.length > 0 ? pages[pages.length - 1]?.nextCursor ?? null : null;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <Loading loaded={loaded} />
      <div class="table-wrap"><table data-testid="history">
        <thead><tr><th scope="col">Time</th><th scope="col">Kind</th><th scope="col" class="num">Amount</th><th scope="col">Counterparty</th><th scope="col">Reference</th><th scope="col">Transaction</th></tr></thead>
        <tbody>{lines.map((line) => (
          <tr><td><Time value={line.txTimestamp} /></td><td>{line.kind}</td>
            <td class={`num ${line.kind === 'DEBIT' || line.kind === 'BURN' ? 'bad' : ''}`}>{formatMinor(line.amount, props.account.decimals)} {line.asset}</td>
            <td>{line.counterparty ?? '—'}</td><td>{line.reference ?? '—'}</td>
            <td><Link href={`/console/transactions/${line.txId}`}><code class="hash">{line.txId.slice(0, 12)}…</code></Link></td></tr>
        ))}</tbody>
      </table></div>
      {next ? <button type="button" onClick={async () => {
        const more = await api.get<HistoryPage>(withQuery(`/v1/accounts/${enc(props.account.id)}/transactions`, { limit: 20, cursor: next }));
        setPages([...pages, more]);
      }}>Older entries</button> : null}
    </section>
  );
}

function Statements(props: { account: Account }) {
  const today = new Date().toISOString().slice(0, 10);
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [error, setError] = useState<Error | null>(null);
  const download = async (format: 'pdf' | 'csv' | 'json') => {
    setError(null);
    try {
      const end = new Date(`${to}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + 1);
      const blob = await api.blob(withQuery(`/v1/accounts/${enc(props.account.id)}/statement`, { from: `${from}T00:00:00Z`, to: end.toISOString(), format }));
      saveFile(blob, `statement-${props.account.id}-${from}-${to}.${format}`);
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <section class="card" aria-labelledby="statements-title">
      <h2 id="statements-title">Statements</h2>
      <div class="fields">
        <label>From <input type="date" name="statement-from" value={from} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} /></label>
        <label>To (inclusive) <input type="date" name="statement-to" value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} /></label>
      </div>
      <div class="actions">
        <button type="button" onClick={() => void download('pdf')}>Download PDF</button>
        <button type="button" onClick={() => void download('csv')}>Download CSV</button>
        <button type="button" onClick={() => void download('json')}>Download JSON</button>
      </div>
      <ErrorBox error={error} />
    </section>
  );
}
