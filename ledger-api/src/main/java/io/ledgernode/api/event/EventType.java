package io.ledgernode.api.event;

/** The closed set of chaincode event types; the event's name on the channel is the type's name. */
public enum EventType {
    CONFIGURED(ConfiguredEvent.class),
    ASSET_REGISTERED(AssetRegisteredEvent.class),
    ACCOUNTS_OPENED(AccountsOpenedEvent.class),
    MINTED(MoneyEvent.class),
    BURNED(MoneyEvent.class),
    TRANSFERRED(TransferredEvent.class),
    TRANSFERS_PACKED(TransfersPackedEvent.class),
    HOLD_PLACED(HoldEvent.class),
    HOLD_CAPTURED(HoldEvent.class),
    HOLD_VOIDED(HoldEvent.class),
    HOLD_RELEASED(HoldEvent.class),
    ACCOUNT_FROZEN(AccountEvent.class),
    ACCOUNT_UNFROZEN(AccountEvent.class),
    LIMITS_SET(AccountEvent.class),
    CREDITS_CONSOLIDATED(CreditsConsolidatedEvent.class);

    private final Class<? extends LedgerEvent> eventClass;

    EventType(final Class<? extends LedgerEvent> eventClass) {
        this.eventClass = eventClass;
    }

    /** The class whose JSON shape events of this type have. */
    public Class<? extends LedgerEvent> eventClass() {
        return eventClass;
    }
}
