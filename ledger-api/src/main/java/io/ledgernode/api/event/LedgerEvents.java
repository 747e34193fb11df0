package io.ledgernode.api.event;

import io.ledgernode.api.LedgerJson;
import io.ledgernode.api.Require;

/** Parses chaincode events by their name into the class of their type. */
public final class LedgerEvents {
    private LedgerEvents() {}

    /** The event of a name and payload; INVALID_ARGUMENT for an unknown name or a payload of another type. */
    public static LedgerEvent parse(final String eventName, final byte[] payload) {
        final EventType type = typeNamed(Require.present("eventName", eventName));
        final LedgerEvent event = LedgerJson.read(payload, type.eventClass());
        if (event.type() != type) {
            throw Require.invalid("event " + eventName + " carries a payload of type " + event.type());
        }
        return event;
    }

    private static EventType typeNamed(final String name) {
        for (final EventType type : EventType.values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        throw Require.invalid("unknown event type " + name);
    }
}
