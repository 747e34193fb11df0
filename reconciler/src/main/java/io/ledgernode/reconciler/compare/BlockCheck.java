package io.ledgernode.reconciler.compare;

import io.ledgernode.mirror.Transaction;
import io.ledgernode.reconciler.breaks.Break;
import io.ledgernode.reconciler.breaks.Subject;
import io.ledgernode.reconciler.chain.ChainBlock;
import io.ledgernode.reconciler.mirror.MirrorBlock;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** One block, peer against mirror: its hashes, its transaction count, and each of its transactions. */
final class BlockCheck {

    private BlockCheck() {
    }

    static List<Break> differences(ChainBlock chain, MirrorBlock mirror) {
        List<Break> breaks = new ArrayList<>();
        long number = chain.number();
        if (mirror == null) {
            breaks.add(new Break.MissingInMirror(new Subject.Block(number), number, hex(chain.headerHash()),
                    "block " + number + " is on chain but not in the mirror"));
            return breaks;
        }
        hash(breaks, number, "header_hash", chain.headerHash(), mirror.headerHash());
        hash(breaks, number, "previous_hash", chain.previousHash(), mirror.previousHash());
        hash(breaks, number, "data_hash", chain.dataHash(), mirror.dataHash());
        if (chain.transactions().size() != mirror.txCount()) {
            breaks.add(new Break.BlockHashMismatch(number, "tx_count", Integer.toString(chain.transactions().size()),
                    Integer.toString(mirror.txCount())));
        }
        transactions(breaks, chain, mirror);
        return breaks;
    }

    /** Transactions by index: one the mirror lacks, one it has beyond the block's, or another in the same place. */
    private static void transactions(List<Break> breaks, ChainBlock chain, MirrorBlock mirror) {
        long number = chain.number();
        List<ChainBlock.ChainTransaction> onChain = chain.transactions();
        List<Transaction> inMirror = mirror.transactions();
        int chainIndex = 0;
        int mirrorIndex = 0;
        while (chainIndex < onChain.size() || mirrorIndex < inMirror.size()) {
            ChainBlock.ChainTransaction c = chainIndex < onChain.size() ? onChain.get(chainIndex) : null;
            Transaction m = mirrorIndex < inMirror.size() ? inMirror.get(mirrorIndex) : null;
            if (m == null || (c != null && c.index() < m.txIndex())) {
                breaks.add(new Break.MissingInMirror(new Subject.Transaction(number, c.index(), c.txId()), number,
                        describe(c.txId(), c.validationCode()), "transaction " + c.index() + " of block " + number + " ("
                                + c.txId() + ") is on chain but not in the mirror"));
                chainIndex++;
            } else if (c == null || m.txIndex() < c.index()) {
                breaks.add(new Break.ExtraInMirror(new Subject.Transaction(number, m.txIndex(), m.txId()), number, null,
                        describe(m.txId(), m.validationCode()), "the mirror has a transaction " + m.txIndex() + " in block "
                                + number + " (" + m.txId() + ") that the chain does not"));
                mirrorIndex++;
            } else {
                if (!c.txId().equals(m.txId()) || !c.validationCode().equals(m.validationCode())) {
                    breaks.add(new Break.ExtraInMirror(new Subject.Transaction(number, m.txIndex(), m.txId()), number,
                            describe(c.txId(), c.validationCode()), describe(m.txId(), m.validationCode()),
                            "transaction " + m.txIndex() + " of block " + number + " differs: chain " + describe(c.txId(),
                                    c.validationCode()) + ", mirror " + describe(m.txId(), m.validationCode())));
                }
                chainIndex++;
                mirrorIndex++;
            }
        }
    }

    private static void hash(List<Break> breaks, long number, String field, byte[] chain, byte[] mirror) {
        if (!MessageDigest.isEqual(chain, mirror)) {
            breaks.add(Break.BlockHashMismatch.ofHashes(number, field, chain, mirror));
        }
    }

    private static String describe(String txId, String validationCode) {
        return txId + " " + validationCode;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
