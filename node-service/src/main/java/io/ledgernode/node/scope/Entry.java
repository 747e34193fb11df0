package io.ledgernode.node.scope;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One balance effect of a transaction as the mirror holds it, with its account's jurisdiction.
 *
 * @param entryIndex its position among the transaction's entries
 * @param accountId the account it moves
 * @param jurisdiction the account's jurisdiction
 * @param kind {@code MINT}, {@code BURN}, {@code DEBIT}, {@code CREDIT}, {@code HOLD}, {@code HOLD_RELEASE} or
 *     {@code HOLD_CAPTURE}
 * @param amount integer minor units, as text
 * @param asset the asset code
 * @param holdId the hold it belongs to, or null
 */
public record Entry(int entryIndex, String accountId, String jurisdiction, String kind, String amount, String asset,
        String holdId) {

    public Entry {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(asset, "asset");
    }

    /** The entry of a {@code MirrorReader.entriesOf} row. */
    public static Entry of(Map<String, Object> row) {
        return new Entry(((Number) row.get("entryIndex")).intValue(), (String) row.get("accountId"),
                (String) row.get("jurisdiction"), (String) row.get("kind"), (String) row.get("amount"),
                (String) row.get("asset"), (String) row.get("holdId"));
    }

    /** The entry as the API shows it, every field. */
    Map<String, Object> shown() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("entryIndex", entryIndex);
        row.put("accountId", accountId);
        row.put("jurisdiction", jurisdiction);
        row.put("kind", kind);
        row.put("amount", amount);
        row.put("asset", asset);
        row.put("holdId", holdId);
        return row;
    }

    /**
     * The entry as the API shows it on a leg outside the caller's scope: the amount, asset and kind, and in place of
     * the account a reference that means something only within this transaction ({@code other-1}, ...), so nobody
     * can follow a stranger's account from one transaction to the next. No jurisdiction, no hold id.
     */
    Map<String, Object> masked(String reference) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("entryIndex", entryIndex);
        row.put("accountId", reference);
        row.put("jurisdiction", null);
        row.put("kind", kind);
        row.put("amount", amount);
        row.put("asset", asset);
        row.put("holdId", null);
        return row;
    }
}
