package io.ledgernode.api.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;
import io.ledgernode.api.governance.LedgerConfig;
import io.ledgernode.api.money.Entry;
import java.util.List;

/** {@code CONFIGURED}: the configuration set. */
public final class ConfiguredEvent extends LedgerEvent {
    private final LedgerConfig config;

    private ConfiguredEvent(final EventType type, final String txId, final String timestamp,
            final List<Entry> entries, final LedgerConfig config) {
        super(type, ConfiguredEvent.class, txId, timestamp, entries);
        this.config = Require.present("config", config);
    }

    @JsonCreator
    static ConfiguredEvent fromJson(@JsonProperty("type") final EventType type, @JsonProperty("txId") final String txId,
            @JsonProperty("timestamp") final String timestamp, @JsonProperty("entries") final List<Entry> entries,
            @JsonProperty("config") final LedgerConfig config) {
        return new ConfiguredEvent(type, txId, timestamp, entries, config);
    }

    public static ConfiguredEvent of(final String txId, final String timestamp, final LedgerConfig config) {
        return new ConfiguredEvent(EventType.CONFIGURED, txId, timestamp, List.of(), config);
    }

    public LedgerConfig config() {
        return config;
    }
}
