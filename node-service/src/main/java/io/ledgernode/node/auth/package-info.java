/**
 * Who is calling: verification of the bearer JWTs that wallet apps, operators, issuers, auditors and regulators send.
 *
 * <p>{@link io.ledgernode.node.auth.TokenVerifier} checks a token against the issuers and keys of an
 * {@link io.ledgernode.node.auth.AuthConfig} only (never keys named by the token itself), with asymmetric algorithms
 * only, and turns it into a {@link io.ledgernode.node.auth.Caller}. A refused token is an
 * {@link io.ledgernode.node.auth.AuthException} with a stable {@link io.ledgernode.node.auth.AuthException.Reason}.
 * What a caller may read is decided by {@link io.ledgernode.node.auth.Caller#mayRead}. {@link
 * io.ledgernode.node.auth.DevTokens} mints tokens for a local development node.
 */
package io.ledgernode.node.auth;
