/**
 * Sign-in with an OpenID Connect provider: the authorization code flow with PKCE (RFC 7636, S256) as a public client.
 * The verifier and state live in this tab's sessionStorage only between leaving for the provider and coming back;
 * the code is exchanged at the provider's token endpoint and the callback's query is removed from the address bar at
 * once, so neither the code nor a token stays in a URL or the history.
 */

export interface Provider {
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
  readonly audience: string;
}

interface Discovery {
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
}

const PENDING = 'ledger.console.oidc';

function base64url(bytes: Uint8Array): string {
  let text = '';
  bytes.forEach((byte) => (text += String.fromCharCode(byte)));
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A new code verifier: 32 random bytes, base64url (43 characters, as RFC 7636 section 4.1 asks at least). */
export function newVerifier(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The S256 code challenge of a verifier: base64url(SHA-256(verifier)). */
export async function challengeOf(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

async function discover(provider: Provider): Promise<Discovery> {
  const response = await fetch(`${provider.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { credentials: 'omit' });
  if (!response.ok) {
    throw new Error(`the identity provider's discovery document answered ${response.status}`);
  }
  return (await response.json()) as Discovery;
}

function redirectUri(): string {
  return `${location.origin}/console/callback`;
}

/** The provider's authorization URL for a new sign-in (its verifier and state are kept for the callback). */
export async function authorizationUrl(provider: Provider, verifier = newVerifier(), state = newVerifier()): Promise<string> {
  const discovery = await discover(provider);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const url = new URL(discovery.authorization_endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', provider.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('scope', provider.scope);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', await challengeOf(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  if (provider.audience !== '') {
    url.searchParams.set('audience', provider.audience);
  }
  return url.toString();
}

/**
 * Completes a sign-in at /console/callback: checks the state, exchanges the code with the verifier, and answers the
 * access token. Throws with a sentence saying what went wrong.
 */
export async function completeSignIn(provider: Provider, query: URLSearchParams): Promise<string> {
  const pending = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', '/console/');
  if (query.get('error') !== null) {
    throw new Error(`the identity provider refused the sign-in: ${query.get('error_description') ?? query.get('error')}`);
  }
  const { verifier, state } = pending === null ? { verifier: '', state: '' } : (JSON.parse(pending) as { verifier: string; state: string });
  const code = query.get('code');
  if (code === null || state === '' || query.get('state') !== state) {
    throw new Error('this sign-in was not started here (its state does not match); sign in again');
  }
  const discovery = await discover(provider);
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri(), client_id: provider.clientId,
    code_verifier: verifier });
  const response = await fetch(discovery.token_endpoint, { method: 'POST', body, credentials: 'omit' });
  const answer = (await response.json().catch(() => ({}))) as { access_token?: string; error?: string };
  if (!response.ok || answer.access_token === undefined) {
    throw new Error(`the identity provider did not give a token: ${answer.error ?? response.status}`);
  }
  return answer.access_token;
}
