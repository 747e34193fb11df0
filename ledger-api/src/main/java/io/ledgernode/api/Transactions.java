package io.ledgernode.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The transaction catalogue: every {@code Contract:function} name of the chaincode {@value #CHAINCODE_NAME}, and which
 * of them are queries (evaluate) rather than updates (submit).
 */
public final class Transactions {
    /** The chaincode's name on the channel. */
    public static final String CHAINCODE_NAME = "ledger";

    public static final String GOVERNANCE = "Governance";
    public static final String ASSETS = "Assets";
    public static final String ACCOUNTS = "Accounts";
    public static final String MONEY = "Money";
    public static final String HOLDS = "Holds";
    public static final String COMPLIANCE = "Compliance";

    public static final String GOVERNANCE_CONFIGURE = "Governance:configure";
    public static final String GOVERNANCE_CONFIG = "Governance:config";

    public static final String ASSETS_REGISTER = "Assets:register";
    public static final String ASSETS_GET = "Assets:get";
    public static final String ASSETS_SUPPLY = "Assets:supply";
    public static final String ASSETS_LIST = "Assets:list";

    public static final String ACCOUNTS_OPEN = "Accounts:open";
    public static final String ACCOUNTS_OPEN_MANY = "Accounts:openMany";
    public static final String ACCOUNTS_GET = "Accounts:get";
    public static final String ACCOUNTS_HOLDS = "Accounts:holds";
    public static final String ACCOUNTS_HISTORY = "Accounts:history";
    public static final String ACCOUNTS_LIST = "Accounts:list";
    public static final String ACCOUNTS_SUMMARY = "Accounts:summary";
    public static final String ACCOUNTS_PENDING_CREDITS = "Accounts:pendingCredits";
    public static final String ACCOUNTS_CONSOLIDATE_CREDITS = "Accounts:consolidateCredits";

    public static final String MONEY_MINT = "Money:mint";
    public static final String MONEY_BURN = "Money:burn";
    public static final String MONEY_TRANSFER = "Money:transfer";
    public static final String MONEY_TRANSFER_BATCH = "Money:transferBatch";
    public static final String MONEY_TRANSFER_PACK = "Money:transferPack";
    public static final String MONEY_OUTCOME = "Money:outcome";

    public static final String HOLDS_PLACE = "Holds:place";
    public static final String HOLDS_CAPTURE = "Holds:capture";
    public static final String HOLDS_VOID = "Holds:void";
    public static final String HOLDS_RELEASE = "Holds:release";
    public static final String HOLDS_GET = "Holds:get";

    public static final String COMPLIANCE_FREEZE = "Compliance:freeze";
    public static final String COMPLIANCE_UNFREEZE = "Compliance:unfreeze";
    public static final String COMPLIANCE_SET_LIMITS = "Compliance:setLimits";

    /** Transactions that change state: submit them. */
    public static final Set<String> UPDATES = setOf(GOVERNANCE_CONFIGURE, ASSETS_REGISTER, ACCOUNTS_OPEN,
            ACCOUNTS_OPEN_MANY, ACCOUNTS_CONSOLIDATE_CREDITS, MONEY_MINT, MONEY_BURN, MONEY_TRANSFER, MONEY_TRANSFER_BATCH,
            MONEY_TRANSFER_PACK, HOLDS_PLACE,
            HOLDS_CAPTURE, HOLDS_VOID, HOLDS_RELEASE, COMPLIANCE_FREEZE, COMPLIANCE_UNFREEZE, COMPLIANCE_SET_LIMITS);

    /** Transactions that only read: evaluate them. */
    public static final Set<String> QUERIES = setOf(GOVERNANCE_CONFIG, ASSETS_GET, ASSETS_SUPPLY, ASSETS_LIST, ACCOUNTS_GET,
            ACCOUNTS_HOLDS, ACCOUNTS_HISTORY, ACCOUNTS_LIST, ACCOUNTS_SUMMARY, ACCOUNTS_PENDING_CREDITS, MONEY_OUTCOME, HOLDS_GET);

    private Transactions() {}

    /** The function part of {@code Contract:function}. */
    public static String function(final String transaction) {
        final int colon = transaction.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a Contract:function name: " + transaction);
        }
        return transaction.substring(colon + 1);
    }

    private static Set<String> setOf(final String... names) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(names)));
    }
}
