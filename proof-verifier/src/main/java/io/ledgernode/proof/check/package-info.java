/**
 * The checks of a proof, each one line of the report ({@code PASS <check>: ...} or {@code FAIL <check>: why}), run
 * independently so that every problem of a bundle is named, not just the first: a check that needs what another
 * could not establish (an authenticated configuration, attested flags) fails saying so.
 */
package io.ledgernode.proof.check;
