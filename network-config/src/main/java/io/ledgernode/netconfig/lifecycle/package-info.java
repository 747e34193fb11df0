/**
 * What the operator scripts compute for the chaincode's lifecycle and for {@code scripts/ledger status}: the package
 * label that names the exact build, and the peer CLI's answers (channel info, committed, approved and installed
 * definitions) read as data, so no script parses the CLI's text.
 */
package io.ledgernode.netconfig.lifecycle;
