package io.ledgernode.reconciler.compare;

import io.ledgernode.reconciler.chain.ChainReader;
import io.ledgernode.reconciler.config.ReconcilerConfig;
import io.ledgernode.reconciler.mirror.MirrorHistories;

/**
 * What every pass of one run works with: the two sides it compares, the limits it compares them under, the wait for
 * a mirror still taking blocks in, and where the breaks it finds go.
 */
record PassContext(ChainReader chain, MirrorHistories mirror, ReconcilerConfig.Compare config, MirrorWait mirrorWait, BreakSink sink) {
}
