package io.ledgernode.chaincode.state;

import io.ledgernode.api.Require;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/**
 * Page bookmarks as clients see them: the opaque base64url form of the next key. A bookmark is accepted only if it
 * lies within the partial key being paged, so no bookmark can lead a query into another account's records.
 */
final class Bookmarks {
    private Bookmarks() {}

    static String encode(final String key) {
        if (key.isEmpty()) {
            return "";
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The start key of a page: empty for the first page. */
    static String decode(final String bookmark, final CompositeKey prefix) {
        if (bookmark.isEmpty()) {
            return "";
        }
        final String key;
        try {
            key = new String(Base64.getUrlDecoder().decode(bookmark), StandardCharsets.UTF_8);
        } catch (final IllegalArgumentException e) {
            throw Require.invalid("bookmark is not one this ledger returned");
        }
        if (!key.startsWith(prefix.toString())) {
            throw Require.invalid("bookmark belongs to another query");
        }
        return key;
    }
}
