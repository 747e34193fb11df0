package io.ledgernode.api.hold;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Instants;
import io.ledgernode.api.Require;
import io.ledgernode.api.money.Entry;
import java.util.List;

/** The result of {@code Holds:place}, {@code capture}, {@code void} and {@code release}: the hold after it, and the entries. */
public final class HoldResult {
    private final String txId;
    private final String timestamp;
    private final Hold hold;
    private final List<Entry> entries;

    private HoldResult(final String txId, final String timestamp, final Hold hold, final List<Entry> entries) {
        this.txId = Require.txId("txId", txId);
        this.timestamp = Instants.normalize("timestamp", timestamp);
        this.hold = Require.present("hold", hold);
        this.entries = Require.list("entries", entries);
    }

    @JsonCreator
    public static HoldResult of(@JsonProperty("txId") final String txId,
            @JsonProperty("timestamp") final String timestamp, @JsonProperty("hold") final Hold hold,
            @JsonProperty("entries") final List<Entry> entries) {
        return new HoldResult(txId, timestamp, hold, entries);
    }

    public String txId() {
        return txId;
    }

    public String timestamp() {
        return timestamp;
    }

    public Hold hold() {
        return hold;
    }

    public List<Entry> entries() {
        return entries;
    }
}
