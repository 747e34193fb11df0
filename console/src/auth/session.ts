/**
 * The signed-in caller: the token (kept in this tab's sessionStorage, so it is gone when the tab closes and never
 * reaches a URL, a log or another origin) and what its claims say, read for display only. The node verifies the
 * token on every request; nothing here grants anything.
 */

const KEY = 'ledger.console.token';

export type Role = 'wallet' | 'operator' | 'issuer' | 'auditor' | 'regulator';

export interface Claims {
  readonly subject: string;
  readonly roles: readonly Role[];
  readonly accounts: readonly string[];
  readonly jurisdiction: string | null;
  readonly expiresAt: Date;
}

type Listener = () => void;
const listeners = new Set<Listener>();

function decodePart(part: string): unknown {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))));
}

/** The claims of a JWT, or null when it is not one (the node would refuse it anyway). */
export function claimsOf(token: string): Claims | null {
  try {
    const body = decodePart(token.split('.')[1] ?? '') as Record<string, unknown>;
    const roles = Array.isArray(body['roles']) ? (body['roles'] as Role[]) : [];
    return {
      subject: String(body['sub'] ?? ''),
      roles,
      accounts: Array.isArray(body['accounts']) ? (body['accounts'] as string[]) : [],
      jurisdiction: typeof body['jurisdiction'] === 'string' ? body['jurisdiction'] : null,
      expiresAt: new Date(Number(body['exp'] ?? 0) * 1000),
    };
  } catch {
    return null;
  }
}

export const session = {
  token(): string | null {
    return sessionStorage.getItem(KEY);
  },
  claims(): Claims | null {
    const token = this.token();
    return token === null ? null : claimsOf(token);
  },
  signIn(token: string): void {
    sessionStorage.setItem(KEY, token);
    listeners.forEach((listener) => listener());
  },
  signOut(): void {
    sessionStorage.removeItem(KEY);
    listeners.forEach((listener) => listener());
  },
  /** The node answered 401: the token expired or was refused; sign in again. */
  expired(): void {
    this.signOut();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** The role whose pages the console shows first: the most powerful the token names. */
export function primaryRole(claims: Claims): Role {
  const order: Role[] = ['operator', 'auditor', 'regulator', 'issuer', 'wallet'];
  return order.find((role) => claims.roles.includes(role)) ?? 'wallet';
}
