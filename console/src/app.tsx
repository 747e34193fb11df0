import { useEffect, useState } from 'preact/hooks';
import { primaryRole, session, type Claims, type Role } from './auth/session';
import { Accounts, AccountPage } from './pages/accounts';
import { Alerts } from './pages/alerts';
import { BlockPage, Blocks } from './pages/blocks';
import { NodePage } from './pages/node';
import { TransactionPage, VerifyFile } from './pages/proof';
import { Reconciliation } from './pages/reconciliation';
import { Reports } from './pages/reports';
import { SignIn } from './pages/signin';
import { Link, Page } from './ui/kit';
import { match, navigate, usePath } from './router';

interface NavItem {
  readonly href: string;
  readonly label: string;
}

/** Each role's pages, its main one first: what the role's work is, in the order it is done. */
const NAV: Record<Role, NavItem[]> = {
  auditor: [{ href: '/console/blocks', label: 'Blocks' }, { href: '/console/accounts', label: 'Accounts' },
    { href: '/console/reconciliation', label: 'Reconciliation' }, { href: '/console/reports', label: 'Reports' },
    { href: '/console/verify', label: 'Verify a proof' }, { href: '/console/node', label: 'Node' }],
  regulator: [{ href: '/console/reports', label: 'Reports' }, { href: '/console/alerts', label: 'Alerts' },
    { href: '/console/accounts', label: 'Accounts' }, { href: '/console/verify', label: 'Verify a proof' }],
  operator: [{ href: '/console/node', label: 'Node' }, { href: '/console/accounts', label: 'Accounts' },
    { href: '/console/reconciliation', label: 'Reconciliation' }, { href: '/console/alerts', label: 'Alerts' }],
  issuer: [{ href: '/console/accounts', label: 'Accounts' }, { href: '/console/blocks', label: 'Blocks' }],
  wallet: [{ href: '/console/accounts', label: 'My accounts' }],
};

const ROUTES: [string, (params: Record<string, string>) => preact.JSX.Element][] = [
  ['/console/blocks', () => <Blocks />],
  ['/console/blocks/:number', (p) => <BlockPage number={p['number'] ?? ''} />],
  ['/console/transactions/:txId', (p) => <TransactionPage txId={p['txId'] ?? ''} />],
  ['/console/accounts', () => <Accounts />],
  ['/console/accounts/:id', (p) => <AccountPage id={p['id'] ?? ''} />],
  ['/console/reports', () => <Reports />],
  ['/console/reconciliation', () => <Reconciliation />],
  ['/console/alerts', () => <Alerts />],
  ['/console/node', () => <NodePage />],
  ['/console/verify', () => <VerifyFile />],
];

function home(claims: Claims): string {
  const role = primaryRole(claims);
  // An account holder with one account goes straight to it.
  if (role === 'wallet' && claims.accounts.length === 1) {
    return `/console/accounts/${encodeURIComponent(claims.accounts[0] ?? '')}`;
  }
  return NAV[role][0]?.href ?? '/console/accounts';
}

function useClaims(): Claims | null {
  const [claims, setClaims] = useState(session.claims());
  useEffect(() => session.subscribe(() => setClaims(session.claims())), []);
  return claims;
}

export function App() {
  const claims = useClaims();
  const path = usePath();
  useEffect(() => {
    if (claims !== null && (path === '/console/' || path === '/console' || path === '/console/callback')) {
      navigate(home(claims));
    }
  }, [claims, path]);
  if (claims === null || claims.expiresAt.getTime() < Date.now()) {
    return <SignIn />;
  }
  const role = primaryRole(claims);
  const nav = NAV[role];
  let content = <Page title="Not found"><p>This page does not exist. <Link href={home(claims)}>Go to the start</Link>.</p></Page>;
  for (const [pattern, render] of ROUTES) {
    const params = match(pattern, path);
    if (params !== null) {
      content = render(params);
      break;
    }
  }
  return (
    <>
      <a class="skip" href="#main">Skip to content</a>
      <header class="bar">
        <Link href={home(claims)} class="brand">Ledger console</Link>
        <nav aria-label="Main">
          <ul>{nav.map((item) => <li><Link href={item.href} class={path.startsWith(item.href) ? 'active' : ''}>{item.label}</Link></li>)}</ul>
        </nav>
        <div class="who">
          <span><strong data-testid="role">{role}</strong> {claims.jurisdiction ? `· ${claims.jurisdiction} ` : ''}· {claims.subject}</span>
          <button type="button" onClick={() => { session.signOut(); navigate('/console/'); }}>Sign out</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>{content}</main>
    </>
  );
}
