import assert from 'node:assert/strict';
import { test } from 'node:test';
import { challengeOf, newVerifier } from '../../src/auth/oidc';

test('the code challenge of RFC 7636 appendix B is computed from its verifier', async () => {
  assert.equal(await challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
});

test('a new verifier is 43 base64url characters and never the same twice', () => {
  const first = newVerifier();
  assert.match(first, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(newVerifier(), first);
});
