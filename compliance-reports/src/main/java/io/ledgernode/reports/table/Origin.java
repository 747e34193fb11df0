package io.ledgernode.reports.table;

import io.ledgernode.reports.ReportKind;
import java.time.Instant;
import java.util.Objects;

/** Who produces the reports: the node, its org, and this generator's name and version. */
public record Origin(String nodeName, String org, String generator) {

    public Origin {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(generator, "generator");
    }

    public ReportHeader header(ReportKind kind, String jurisdiction, String period, long cutOffBlock,
            String cutOffBlockHash, Instant asOf) {
        return new ReportHeader(kind, nodeName, org, jurisdiction, period, cutOffBlock, cutOffBlockHash, asOf,
                generator);
    }
}
