package io.ledgernode.node.statement;

import com.fasterxml.jackson.core.JsonGenerator;
import io.ledgernode.api.Instants;
import io.ledgernode.mirror.Balance;
import io.ledgernode.mirror.Entry;
import io.ledgernode.node.http.Json;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A statement as one JSON object, written field by field as the entries are read. Amounts are strings (exact past
 * 2^53): each in major units with the asset's decimals and in minor units ({@code ...Minor}).
 */
final class JsonStatement implements StatementSink {

    private final OutputStream out;
    private JsonGenerator json;
    private int decimals;

    JsonStatement(OutputStream out) {
        this.out = out;
    }

    @Override
    public void head(StatementHead head) throws IOException {
        decimals = head.decimals();
        json = Json.MAPPER.getFactory().createGenerator(out);
        json.writeStartObject();
        json.writeStringField("accountId", head.accountId());
        json.writeStringField("asset", head.asset());
        json.writeNumberField("decimals", head.decimals());
        json.writeStringField("jurisdiction", head.jurisdiction());
        json.writeStringField("from", Instants.format(head.from()));
        json.writeStringField("to", Instants.format(head.to()));
        json.writeStringField("generatedAt", Instants.format(head.generatedAt()));
        json.writeNumberField("mirrorHeight", head.mirrorHeight());
        balance("opening", head.opening());
        json.writeArrayFieldStart("entries");
    }

    @Override
    public void line(StatementLine line) throws IOException {
        Entry entry = line.entry();
        long change = entry.kind().balanceDelta(entry.amount());
        json.writeStartObject();
        json.writeStringField("time", Instants.format(entry.txTimestamp()));
        json.writeNumberField("blockNumber", entry.blockNumber());
        json.writeNumberField("txIndex", entry.txIndex());
        json.writeNumberField("entryIndex", entry.entryIndex());
        json.writeStringField("txId", entry.txId());
        json.writeStringField("kind", entry.kind().name());
        amount("amount", entry.amount());
        amount("change", change);
        amount("balanceAfter", line.after().balance());
        amount("heldAfter", line.after().held());
        json.writeStringField("counterparty", entry.counterparty());
        json.writeStringField("reference", entry.reference());
        json.writeStringField("holdId", entry.holdId());
        json.writeEndObject();
    }

    @Override
    public void tail(StatementTail tail) throws IOException {
        json.writeEndArray();
        balance("closing", tail.closing());
        json.writeNumberField("entryCount", tail.entries());
        amount("credited", tail.credited());
        amount("debited", tail.debited());
        json.writeObjectField("firstBlock", tail.firstBlock());
        json.writeObjectField("lastBlock", tail.lastBlock());
        json.writeEndObject();
        json.flush();
    }

    private void balance(String name, Balance balance) throws IOException {
        json.writeObjectFieldStart(name);
        amount("balance", balance.balance());
        amount("held", balance.held());
        json.writeEndObject();
    }

    private void amount(String name, long minorUnits) throws IOException {
        json.writeStringField(name, Amounts.major(minorUnits, decimals));
        json.writeStringField(name + "Minor", Long.toString(minorUnits));
    }
}
