package io.ledgernode.blocks;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.BlockHeader;

/**
 * The block headers a bundle carries, contiguous and ascending, with each header's hash computed once. Whether a
 * stretch of them links ({@code previous_hash} of each equal to the hash of the one before) is asked per stretch, so
 * a broken link is reported by the check that relies on it.
 */
public final class HeaderChain {
    private final List<BlockHeader> headers;
    private final List<ByteString> hashes;

    private HeaderChain(List<BlockHeader> headers) {
        this.headers = List.copyOf(headers);
        List<ByteString> computed = new ArrayList<>(headers.size());
        headers.forEach(header -> computed.add(BlockHashes.headerHash(header)));
        this.hashes = List.copyOf(computed);
    }

    /** The chain of {@code headers}; {@link MalformedException} when they are empty or not numbered one by one. */
    public static HeaderChain of(List<BlockHeader> headers) throws MalformedException {
        MalformedException.require(!headers.isEmpty(), "no block headers are carried");
        for (int i = 1; i < headers.size(); i++) {
            long expected = headers.get(i - 1).getNumber() + 1;
            MalformedException.require(headers.get(i).getNumber() == expected, "header " + i + " is block "
                    + Long.toUnsignedString(headers.get(i).getNumber()) + ", expected " + Long.toUnsignedString(expected));
        }
        return new HeaderChain(headers);
    }

    public long first() {
        return headers.get(0).getNumber();
    }

    public long last() {
        return headers.get(headers.size() - 1).getNumber();
    }

    public int size() {
        return headers.size();
    }

    public boolean covers(long number) {
        return Long.compareUnsigned(number, first()) >= 0 && Long.compareUnsigned(number, last()) <= 0;
    }

    public Optional<BlockHeader> header(long number) {
        return covers(number) ? Optional.of(headers.get(index(number))) : Optional.empty();
    }

    /** The hash of a carried header; only for numbers {@link #covers}. */
    public ByteString hash(long number) {
        return hashes.get(index(number));
    }

    /** The first link that does not hold between blocks {@code from} and {@code to} (both carried), if any. */
    public Optional<String> brokenLink(long from, long to) {
        for (int i = index(from) + 1; i <= index(to); i++) {
            if (!headers.get(i).getPreviousHash().equals(hashes.get(i - 1))) {
                return Optional.of("block " + Long.toUnsignedString(headers.get(i).getNumber()) + "'s previous hash "
                        + HexFormat.of().formatHex(headers.get(i).getPreviousHash().toByteArray()) + " is not the hash of block "
                        + Long.toUnsignedString(headers.get(i - 1).getNumber()) + "'s header, "
                        + HexFormat.of().formatHex(hashes.get(i - 1).toByteArray()));
            }
        }
        return Optional.empty();
    }

    private int index(long number) {
        return (int) (number - first());
    }
}
