package io.ledgernode.chaincode.state;

import java.util.List;

/** One page of records of a partial key, and the bookmark of the next page (empty when done). */
public final class RawPage<T> {
    private final List<T> records;
    private final String bookmark;

    RawPage(final List<T> records, final String bookmark) {
        this.records = List.copyOf(records);
        this.bookmark = bookmark;
    }

    public List<T> records() {
        return records;
    }

    public String bookmark() {
        return bookmark;
    }
}
