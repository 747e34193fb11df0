package io.ledgernode.gateway;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import io.grpc.CallOptions;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.OrdererBlockMetadata;

/**
 * Reads the channel's blocks as this connection's own org's peers hold them, through the gateway: blocks by number
 * and by transaction id and the chain's height ({@code qscc}, evaluated only on peers of this org, so the block's
 * validation flags and commit hash are this org's verdict), the configuration block in force at a block (the one its
 * signed last-config index names), and a stretch of blocks or of their headers (the deliver service, one stream rather
 * than a query per block).
 */
public final class ChannelBlocks {
    private static final String QSCC = "qscc";
    // Fabric's block index says so when it does not know a transaction id (common/ledger/blkstorage/blockindex.go);
    // qscc passes it on as text only.
    private static final String UNKNOWN_TX_ID = "no such transaction ID";
    private static final int SIGNATURES_SLOT = 0;

    private final Network network;
    private final Contract qscc;
    private final String mspId;
    private final Duration deadline;

    /**
     * @param deadline the longest any one read may take, a header stream included
     */
    public ChannelBlocks(LedgerConnection connection, Duration deadline) {
        Objects.requireNonNull(connection, "connection");
        this.network = connection.network();
        this.qscc = network.getContract(QSCC);
        this.mspId = connection.gateway().getIdentity().getMspId();
        this.deadline = Objects.requireNonNull(deadline, "deadline");
    }

    public String channel() {
        return network.getName();
    }

    /** The MSP id of the org whose peers this reads from. */
    public String mspId() {
        return mspId;
    }

    /** The height (number of blocks) and the current block's hash, as this org's peer has them. */
    public BlockchainInfo chainInfo() {
        return parse(BlockchainInfo.parser(), query("GetChainInfo"), "chain info");
    }

    /** Block {@code number} (unsigned); a block this org's peer does not have yet is a {@link LedgerClient.LedgerUnavailableException}. */
    public Block blockByNumber(long number) {
        return parse(Block.parser(), query("GetBlockByNumber", Long.toUnsignedString(number)), "block " + Long.toUnsignedString(number));
    }

    /** The block holding transaction {@code txId}, or empty when this org's peer knows no such transaction. */
    public Optional<Block> blockByTxId(String txId) {
        Objects.requireNonNull(txId, "txId");
        try {
            return Optional.of(parse(Block.parser(), evaluate("GetBlockByTxID", txId), "block of " + txId));
        } catch (GatewayException e) {
            if (mentions(e, UNKNOWN_TX_ID)) {
                return Optional.empty();
            }
            throw unavailable("GetBlockByTxID " + txId, e);
        }
    }

    /** The channel's configuration block in force at {@code block}: the one its orderer-signed metadata names. */
    public Block configBlockAt(Block block) {
        return blockByNumber(lastConfigIndex(block));
    }

    /** The last-config index the orderers signed into a block's {@code SIGNATURES} metadata. */
    public static long lastConfigIndex(Block block) {
        try {
            Metadata signatures = Metadata.parseFrom(block.getMetadata().getMetadata(SIGNATURES_SLOT));
            return OrdererBlockMetadata.parseFrom(signatures.getValue()).getLastConfig().getIndex();
        } catch (InvalidProtocolBufferException | IndexOutOfBoundsException e) {
            throw new IllegalStateException("block " + Long.toUnsignedString(block.getHeader().getNumber())
                    + " has no readable orderer metadata", e);
        }
    }

    /**
     * The headers of blocks {@code from} to {@code to}, both included, in order; more than {@code countMax} of them
     * is an {@link IllegalArgumentException} before anything is read.
     */
    public List<BlockHeader> headers(long from, long to, int countMax) {
        if (Long.compareUnsigned(from, to) > 0) {
            throw new IllegalArgumentException("no headers from block " + Long.toUnsignedString(from) + " to " + Long.toUnsignedString(to));
        }
        long count = to - from + 1;
        if (count > countMax) {
            throw new IllegalArgumentException(count + " headers asked for, at most " + countMax + " allowed");
        }
        List<BlockHeader> headers = new ArrayList<>((int) count);
        deliver(from, to + 1, this::withDeadline, block -> headers.add(block.getHeader()));
        return headers;
    }

    /**
     * Hands blocks {@code from} to {@code toExclusive - 1} to {@code visitor}, in order, one at a time, from one
     * stream of the deliver service. Unlike single reads, the stream as a whole has no deadline: a long stretch of the
     * chain takes as long as it takes. A peer that ends the stream early or sends a block out of turn is an
     * {@link IllegalStateException}; one that goes away is a {@link LedgerClient.LedgerUnavailableException}.
     */
    public void blocks(long from, long toExclusive, Consumer<Block> visitor) {
        Objects.requireNonNull(visitor, "visitor");
        if (Long.compareUnsigned(from, toExclusive) < 0) {
            deliver(from, toExclusive, UnaryOperator.identity(), visitor);
        }
    }

    private void deliver(long from, long toExclusive, UnaryOperator<CallOptions> options, Consumer<Block> visitor) {
        try (CloseableIterator<Block> blocks = network.newBlockEventsRequest().startBlock(from).build().getEvents(options)) {
            for (long expected = from; expected != toExclusive; expected++) {
                if (!blocks.hasNext()) {
                    throw new IllegalStateException("the peer's block stream ended before block " + Long.toUnsignedString(expected));
                }
                Block block = blocks.next();
                if (block.getHeader().getNumber() != expected) {
                    throw new IllegalStateException("the peer delivered block " + Long.toUnsignedString(block.getHeader().getNumber())
                            + " where block " + Long.toUnsignedString(expected) + " was due");
                }
                visitor.accept(block);
            }
        } catch (io.grpc.StatusRuntimeException e) {
            throw new LedgerClient.LedgerUnavailableException("blocks " + Long.toUnsignedString(from) + ".."
                    + Long.toUnsignedString(toExclusive - 1) + ": " + e.getStatus(), e);
        }
    }

    private byte[] query(String function, String... arguments) {
        try {
            return evaluate(function, arguments);
        } catch (GatewayException e) {
            throw unavailable(function + " " + String.join(" ", arguments), e);
        }
    }

    private byte[] evaluate(String function, String... arguments) throws GatewayException {
        String[] all = new String[arguments.length + 1];
        all[0] = channel();
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return qscc.newProposal(function).addArguments(all).setEndorsingOrganizations(mspId).build()
                .evaluate(this::withDeadline);
    }

    private CallOptions withDeadline(CallOptions options) {
        return options.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static boolean mentions(GatewayException e, String text) {
        Status status = e.getStatus();
        return (status.getDescription() != null && status.getDescription().contains(text))
                || e.getDetails().stream().anyMatch(d -> d.getMessage().contains(text));
    }

    private static LedgerClient.LedgerUnavailableException unavailable(String what, GatewayException e) {
        StringBuilder out = new StringBuilder(what).append(": ").append(e.getStatus().getCode());
        if (e.getStatus().getDescription() != null) {
            out.append(": ").append(e.getStatus().getDescription());
        }
        e.getDetails().forEach(d -> out.append(" [").append(d.getMspId()).append(": ").append(d.getMessage()).append(']'));
        return new LedgerClient.LedgerUnavailableException(out.toString(), e);
    }

    private static <T> T parse(Parser<T> parser, byte[] bytes, String what) {
        try {
            return parser.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("the peer's " + what + " is not readable: "
                    + new String(bytes, 0, Math.min(bytes.length, 80), StandardCharsets.UTF_8), e);
        }
    }
}
