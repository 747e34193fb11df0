package io.ledgernode.node.alert;

import io.ledgernode.api.money.EntryKind;
import io.ledgernode.mirror.Entry;
import io.ledgernode.mirror.EntryPosition;
import io.ledgernode.mirror.PartyEntry;
import io.ledgernode.node.mirror.Mirror;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Evaluates the alert rules on the mirror's committed transfers, in chain order, from where the last scan stopped:
 * each debit and credit at or above its threshold is a LARGE_VALUE alert on its account; the {@code count}-th transfer
 * from (or to) one account within the window whose amount is just under the threshold (at least
 * {@code ratio-percent} of it) is a STRUCTURING alert, raised once per window and direction. The alerts and the new
 * position are kept in one transaction, so a node stopped at any moment neither loses nor repeats one.
 */
public final class AlertScanner {

    private static final List<String> TRANSFERS = List.of(EntryKind.DEBIT.name(), EntryKind.CREDIT.name());

    /** What one scan did. */
    public record Round(int entries, int alerts) {
    }

    private final AlertStore store;
    private final Mirror mirror;
    private final AlertConfig config;
    private final Clock clock;

    public AlertScanner(AlertStore store, Mirror mirror, AlertConfig config, Clock clock) {
        this.store = store;
        this.mirror = mirror;
        this.config = config;
        this.clock = clock;
    }

    public Round round() throws SQLException {
        EntryPosition from = store.scanned();
        List<PartyEntry> entries = mirror.read(view -> view.entriesFor(from, TRANSFERS, Optional.empty(), Optional.empty(), config.batchMax())).value();
        if (entries.isEmpty()) {
            return new Round(0, 0);
        }
        List<AlertStore.Raised> raised = new ArrayList<>();
        for (PartyEntry party : entries) {
            Entry entry = party.entry();
            Optional<Long> threshold = config.threshold(party.jurisdiction(), entry.asset());
            if (threshold.isEmpty()) {
                continue;
            }
            long limit = threshold.get();
            String direction = entry.kind() == EntryKind.DEBIT ? "sent" : "received";
            if (entry.amount() >= limit) {
                raised.add(alert(AlertKind.LARGE_VALUE, party, limit, "account " + entry.accountId() + " " + direction + " "
                        + entry.amount() + " " + entry.asset() + " (minor units) in one transfer, at or above the threshold " + limit));
                continue;
            }
            long low = low(limit);
            if (entry.amount() < low) {
                continue;
            }
            Instant windowStart = entry.txTimestamp().minus(config.structuringWindow());
            long count = mirror.read(view -> view.countEntries(entry.accountId(), entry.kind().name(), low, limit, windowStart,
                    entry.position())).value();
            if (count >= config.structuringCount() && !structuringSince(raised, entry, windowStart)) {
                raised.add(alert(AlertKind.STRUCTURING, party, limit, "account " + entry.accountId() + " " + direction + " " + count
                        + " transfers of " + entry.asset() + " within " + config.structuringWindow() + ", each from " + low
                        + " to just under the threshold " + limit + " (minor units)"));
            }
        }
        Entry last = entries.get(entries.size() - 1).entry();
        store.record(raised, last.position(), clock.instant());
        return new Round(entries.size(), raised.size());
    }

    /**
     * Whether the entry's account has a structuring alert on the same side after {@code since}: kept already, or raised
     * earlier in this scan (once per window).
     */
    private boolean structuringSince(List<AlertStore.Raised> raised, Entry entry, Instant since) throws SQLException {
        boolean inThisScan = raised.stream().anyMatch(alert -> alert.kind() == AlertKind.STRUCTURING
                && alert.accountId().equals(entry.accountId()) && alert.side() == entry.kind() && alert.occurredAt().isAfter(since));
        return inThisScan || store.structuringSince(entry.accountId(), entry.kind(), since);
    }

    /** The least amount that counts as just under {@code threshold}: ratio-percent of it, rounded up, without overflow. */
    private long low(long threshold) {
        int ratio = config.structuringRatioPercent();
        return threshold / 100 * ratio + ((threshold % 100) * ratio + 99) / 100;
    }

    private static AlertStore.Raised alert(AlertKind kind, PartyEntry party, long threshold, String detail) {
        Entry entry = party.entry();
        return new AlertStore.Raised(kind, entry.accountId(), party.jurisdiction(), entry.asset(), entry.amount(), OptionalLong.of(threshold),
                Optional.of(entry.txId()), Optional.of(entry.position()), entry.kind(), entry.txTimestamp(), detail);
    }
}
