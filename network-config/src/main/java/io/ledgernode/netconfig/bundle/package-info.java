/**
 * The bundles of a consortium spread over several hosts ({@code scripts/ledger generate <description> <out>}): one per
 * host, holding the private keys of that host's processes only, and one per member org's admin.
 */
package io.ledgernode.netconfig.bundle;
