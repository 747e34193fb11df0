package io.ledgernode.node.scope;

import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One caller's view of one transaction, by legs (see {@link Legs}). A leg is in a caller's scope when one of its
 * accounts is: a wallet's own account (debit or credit side), an account of a regulator's jurisdiction; auditors,
 * operators and issuers read every leg. Legs outside the scope are shown masked ({@link Entry#masked}).
 *
 * <p>A proof bundle is the whole signed envelope, every leg verbatim, and cannot be masked without breaking its
 * signatures; so it goes only to those entitled to every leg of it ({@link #proofAccess}).
 */
public final class TransactionScope {

    /** Who may have a transaction's proof bundle. */
    public enum ProofAccess {
        /** The whole bundle. */
        GRANTED,
        /** The caller took part in some legs of the transaction but not in all: an auditor must prove it. */
        SCOPE_EXCEEDED,
        /** Nothing of the transaction is the caller's: as if it did not exist. */
        NOT_FOUND
    }

    private final Caller caller;
    private final List<List<Entry>> legs;

    private TransactionScope(Caller caller, List<Entry> entries) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.legs = Legs.of(List.copyOf(entries));
    }

    /** The scope of {@code caller} over the transaction whose entries, in order, are {@code entries}. */
    public static TransactionScope of(Caller caller, List<Entry> entries) {
        return new TransactionScope(caller, entries);
    }

    /**
     * Whether the caller may see the transaction at all: it reads everything, or at least one leg is in its scope. A
     * transaction that moved no money (an account opened, a freeze) has no leg, so only those reading everything see it.
     */
    public boolean visible() {
        return readsEverything() || legs.stream().anyMatch(this::inScope);
    }

    /** The entries in order: those of legs in scope as they are, the others masked. Call only when {@link #visible}. */
    public List<ShownEntry> shownEntries() {
        Map<String, String> references = new HashMap<>();
        List<ShownEntry> shown = new ArrayList<>();
        for (List<Entry> leg : legs) {
            boolean inScope = readsEverything() || inScope(leg);
            for (Entry entry : leg) {
                shown.add(inScope ? entry.shown()
                        : entry.masked(references.computeIfAbsent(entry.accountId(), id -> "other-" + (references.size() + 1))));
            }
        }
        return shown;
    }

    /**
     * An auditor may have any bundle; a regulator the bundle of a transaction with a leg in its jurisdiction; a wallet
     * only when it took part in every leg (its account is the debit or credit side of each), because the bundle names
     * every party of every leg.
     */
    public ProofAccess proofAccess() {
        if (caller.has(Role.AUDITOR) || caller.has(Role.REGULATOR) && legs.stream().anyMatch(this::inJurisdiction)) {
            return ProofAccess.GRANTED;
        }
        if (caller.has(Role.WALLET)) {
            long own = legs.stream().filter(this::takesPart).count();
            if (own > 0) {
                return own == legs.size() ? ProofAccess.GRANTED : ProofAccess.SCOPE_EXCEEDED;
            }
        }
        return ProofAccess.NOT_FOUND;
    }

    private boolean readsEverything() {
        return caller.has(Role.AUDITOR) || caller.has(Role.OPERATOR) || caller.has(Role.ISSUER);
    }

    private boolean inScope(List<Entry> leg) {
        return takesPart(leg) || inJurisdiction(leg);
    }

    private boolean takesPart(List<Entry> leg) {
        return caller.has(Role.WALLET) && any(leg, entry -> caller.accounts().contains(entry.accountId()));
    }

    private boolean inJurisdiction(List<Entry> leg) {
        return caller.has(Role.REGULATOR) && any(leg, entry -> caller.jurisdiction().orElseThrow().equals(entry.jurisdiction()));
    }

    private static boolean any(List<Entry> leg, Predicate<Entry> test) {
        return leg.stream().anyMatch(test);
    }
}
