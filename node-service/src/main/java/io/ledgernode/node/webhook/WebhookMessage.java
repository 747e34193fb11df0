package io.ledgernode.node.webhook;

import io.ledgernode.api.Instants;
import io.ledgernode.mirror.Entry;
import io.ledgernode.mirror.EntryPosition;
import io.ledgernode.mirror.PartyEntry;

/**
 * One webhook message: a committed ledger entry, as its body says it ({@code {"type","timestamp","data"}}, the
 * Standard Webhooks payload shape), with its webhook-id: the same for every delivery of that entry to that
 * subscription, so a receiver that gets it twice knows it.
 */
record WebhookMessage(String webhookId, EntryPosition position, String body) {

    /** What {@code data} holds. Amounts are strings of integer minor units, as everywhere in the API. */
    record Data(String accountId, String jurisdiction, String asset, String kind, String amount, String holdId, String counterparty,
                String reference, String txId, long blockNumber, int txIndex, int entryIndex, String time) {
    }

    record Body(String type, String timestamp, Data data) {
    }

    /** An alert's message: {@code ledger.alert.<KIND>}, its data the alert as {@code GET /v1/alerts} answers it. */
    record AlertBody(String type, String timestamp, io.ledgernode.node.alert.AlertAnswer data) {
    }

    static WebhookMessage of(Subscription subscription, io.ledgernode.node.alert.Alert alert) {
        io.ledgernode.node.alert.AlertAnswer answer = io.ledgernode.node.alert.AlertAnswer.of(alert);
        AlertBody body = new AlertBody("ledger.alert." + alert.kind().name(), answer.occurredAt(), answer);
        String id = "msg_" + subscription.id().substring("sub_".length()) + "_alert_" + alert.id();
        try {
            return new WebhookMessage(id, subscription.after(), io.ledgernode.node.http.Json.MAPPER.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a webhook body of plain fields could not be written", e);
        }
    }

    static WebhookMessage of(Subscription subscription, PartyEntry party) {
        Entry entry = party.entry();
        String time = Instants.format(entry.txTimestamp());
        Body body = new Body("ledger.entry." + entry.kind().name(), time, new Data(entry.accountId(), party.jurisdiction(), entry.asset(),
                entry.kind().name(), Long.toString(entry.amount()), entry.holdId(), entry.counterparty(), entry.reference(), entry.txId(),
                entry.blockNumber(), entry.txIndex(), entry.entryIndex(), time));
        String id = "msg_" + subscription.id().substring("sub_".length()) + "_" + entry.blockNumber() + "_" + entry.txIndex() + "_"
                + entry.entryIndex();
        try {
            return new WebhookMessage(id, new EntryPosition(entry.blockNumber(), entry.txIndex(), entry.entryIndex()),
                    io.ledgernode.node.http.Json.MAPPER.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a webhook body of plain fields could not be written", e);
        }
    }
}
