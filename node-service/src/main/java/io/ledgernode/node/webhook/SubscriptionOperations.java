package io.ledgernode.node.webhook;

import io.ledgernode.api.ErrorCode;
import io.ledgernode.api.LedgerException;
import io.ledgernode.node.auth.Caller;
import io.ledgernode.node.auth.Role;
import io.ledgernode.node.http.ApiErrorCode;
import io.ledgernode.node.http.ApiException;
import io.ledgernode.node.http.Requests;
import io.ledgernode.node.mirror.Mirror;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Webhook subscriptions, as their owners manage them: create (under an Idempotency-Key), list, read, pause, resume,
 * delete, replay from a block, read the dead letters. A subscription's scope is fixed from its owner's token when it is
 * created: a wallet's covers its own accounts (those it names must be among them), a regulator's its jurisdiction,
 * an auditor's, operator's or issuer's every account; its deliveries never leave that scope. A subscription is its
 * owner's alone: anyone else asking about it is told there is none.
 */
public final class SubscriptionOperations {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SubscriptionStore store;
    private final Mirror mirror;
    private final WebhookConfig config;
    private final Clock clock;

    SubscriptionOperations(SubscriptionStore store, Mirror mirror, WebhookConfig config, Clock clock) {
        this.store = store;
        this.mirror = mirror;
        this.config = config;
        this.clock = clock;
    }

    /** 201 for a new subscription (its secret shown this once), 200 with the same subscription for a retry under the key. */
    public Created create(Caller caller, String idempotencyKey, SubscriptionRequest request) {
        Requests.requireRole(caller, Role.WALLET, Role.REGULATOR, Role.AUDITOR, Role.OPERATOR, Role.ISSUER);
        String key = Requests.scopedKey(idempotencyKey, caller);
        Optional<List<String>> accounts = request.accounts();
        Optional<String> jurisdiction = Optional.empty();
        boolean everything = caller.has(Role.AUDITOR) || caller.has(Role.OPERATOR) || caller.has(Role.ISSUER);
        if (!everything && caller.has(Role.REGULATOR)) {
            jurisdiction = caller.jurisdiction();
        } else if (!everything) {
            // A wallet: its own accounts, or those of them it names.
            for (String account : accounts.orElse(List.of())) {
                if (!caller.accounts().contains(account)) {
                    throw ApiException.notFound("account " + account);
                }
            }
            accounts = Optional.of(accounts.orElseGet(() -> caller.accounts().stream().sorted().toList()));
            if (accounts.get().isEmpty()) {
                throw ApiException.forbidden("this wallet's token names no account to subscribe to");
            }
        }
        if (request.alerts() && !(caller.has(Role.AUDITOR) || caller.has(Role.OPERATOR) || caller.has(Role.REGULATOR))) {
            throw ApiException.forbidden("only auditors, operators and regulators subscribe to ALERT");
        }
        ReceiverAddresses.refusal(request.url(), config.privateAddressesAllowed()).ifPresent(refusal -> {
            throw ApiException.badRequest(refusal);
        });
        long fromBlock = request.fromBlock().orElseGet(mirror::height);
        String id = "sub_" + HexFormat.of().formatHex(random(12));
        String secret = request.secret().orElseGet(WebhookSigner::newSecret);
        SubscriptionStore.New wanted = new SubscriptionStore.New(id, caller.issuer(), caller.subject(), key, request.url(),
                request.eventKinds(), request.alerts(), accounts, jurisdiction, secret, clock.instant(), Subscription.before(fromBlock));
        SubscriptionStore.Created created = sql(() -> store.create(wanted, config.subscriptionsPerCallerMax()));
        if (created.subscription() == null) {
            throw ApiException.badRequest("a caller keeps at most " + config.subscriptionsPerCallerMax() + " subscriptions; delete one first");
        }
        Subscription kept = created.subscription();
        if (!created.created() && !(kept.url().equals(request.url()) && kept.eventKinds().equals(request.eventKinds())
                && kept.alerts() == request.alerts() && kept.accounts().equals(accounts))) {
            throw new LedgerException(ErrorCode.IDEMPOTENCY_CONFLICT, "idempotency key " + idempotencyKey
                    + " was already used to create another subscription");
        }
        return new Created(SubscriptionAnswer.of(kept, created.created()), created.created());
    }

    /** A creation's answer, and whether it made a new subscription (201) or found the one the key made (200). */
    public record Created(SubscriptionAnswer subscription, boolean created) {
    }

    public SubscriptionAnswer.Page list(Caller caller) {
        return new SubscriptionAnswer.Page(sql(() -> store.owned(caller.issuer(), caller.subject())).stream()
                .map(s -> SubscriptionAnswer.of(s, false)).toList());
    }

    public SubscriptionAnswer get(Caller caller, String id) {
        return SubscriptionAnswer.of(owned(caller, id), false);
    }

    public SubscriptionAnswer pause(Caller caller, String id) {
        return status(caller, id, Subscription.Status.PAUSED);
    }

    public SubscriptionAnswer resume(Caller caller, String id) {
        return status(caller, id, Subscription.Status.ACTIVE);
    }

    /** Deletes it, with its dead letters; answers it as it was last. */
    public SubscriptionAnswer delete(Caller caller, String id) {
        SubscriptionAnswer last = get(caller, id);
        if (!sql(() -> store.delete(caller.issuer(), caller.subject(), id))) {
            throw ApiException.notFound("subscription " + id);
        }
        return last;
    }

    /** Delivers again every entry from {@code fromBlock} on (each with the webhook-id it had). */
    public SubscriptionAnswer replay(Caller caller, String id, Optional<String> fromBlockText) {
        requireId(id);
        long fromBlock = Requests.wholeNumber(fromBlockText.orElse(null)).orElseThrow(
                () -> ApiException.badRequest("fromBlock (a block number) is required"));
        if (!sql(() -> store.replayFrom(caller.issuer(), caller.subject(), id, fromBlock))) {
            throw ApiException.notFound("subscription " + id);
        }
        return get(caller, id);
    }

    public SubscriptionAnswer.DeadLetters deadLetters(Caller caller, String id) {
        Subscription subscription = owned(caller, id);
        return new SubscriptionAnswer.DeadLetters(sql(() -> store.deadLetters(subscription.id(), 100)).stream()
                .map(SubscriptionAnswer.DeadLetter::of).toList());
    }

    private SubscriptionAnswer status(Caller caller, String id, Subscription.Status status) {
        requireId(id);
        if (!sql(() -> store.status(caller.issuer(), caller.subject(), id, status))) {
            throw ApiException.notFound("subscription " + id);
        }
        return get(caller, id);
    }

    private Subscription owned(Caller caller, String id) {
        requireId(id);
        return sql(() -> store.owned(caller.issuer(), caller.subject(), id)).orElseThrow(() -> ApiException.notFound("subscription " + id));
    }

    private static void requireId(String id) {
        if (id == null || !id.matches("sub_[0-9a-f]{24}")) {
            throw ApiException.badRequest("a subscription id is sub_ and 24 hex digits");
        }
    }

    private static byte[] random(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return random;
    }

    @FunctionalInterface
    interface Sql<T> {
        T get() throws SQLException;
    }

    /** A read or write of the subscriptions; 503 when their database cannot be reached. */
    static <T> T sql(Sql<T> sql) {
        try {
            return sql.get();
        } catch (SQLException e) {
            throw new ApiException(ApiErrorCode.Service.MIRROR_UNAVAILABLE, "the node's database is not reachable; retry shortly");
        }
    }
}
