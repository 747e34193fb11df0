package io.ledgernode.node.webhook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ledgernode.api.Require;
import io.ledgernode.api.money.EntryKind;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/subscriptions} {@code {"url","eventKinds":[...],"accounts"?:[...],"secret"?,"fromBlock"?}}, the
 * kinds being entry kinds ({@code CREDIT}, {@code DEBIT}, ...) and {@code ALERT} (compliance alerts), read
 * with the interface's strict mapping (unknown fields refused). Every field is checked here, with the stable code
 * INVALID_ARGUMENT.
 */
final class SubscriptionRequest {

    static final int URL_LENGTH_MAX = 2048;
    static final int ACCOUNTS_MAX = 1000;

    private final String url;
    /** The kind that names compliance alerts rather than entries. */
    static final String ALERT = "ALERT";

    private final Set<EntryKind> eventKinds;
    private final boolean alerts;
    private final List<String> accounts;
    private final String secret;
    private final Long fromBlock;

    private SubscriptionRequest(String url, List<String> eventKinds, List<String> accounts, String secret, Long fromBlock) {
        this.url = url(url);
        if (eventKinds == null || eventKinds.isEmpty()) {
            throw Require.invalid("eventKinds names at least one of " + kindNames());
        }
        this.alerts = eventKinds.contains(ALERT);
        this.eventKinds = kinds(eventKinds.stream().filter(kind -> !ALERT.equals(kind)).toList());
        if (accounts != null && (accounts.isEmpty() || accounts.size() > ACCOUNTS_MAX)) {
            throw Require.invalid("accounts, when given, names 1 to " + ACCOUNTS_MAX + " accounts");
        }
        this.accounts = accounts == null ? null : accounts.stream().map(id -> Require.accountId("accounts", id)).distinct().sorted().toList();
        if (secret != null && !WebhookSigner.valid(secret)) {
            throw Require.invalid("secret, when given, is whsec_ and the base64 of 24 to 64 random bytes");
        }
        this.secret = secret;
        if (fromBlock != null && fromBlock < 0) {
            throw Require.invalid("fromBlock must be a block number (0 or more)");
        }
        this.fromBlock = fromBlock;
    }

    @JsonCreator
    static SubscriptionRequest of(@JsonProperty("url") String url, @JsonProperty("eventKinds") List<String> eventKinds,
                                  @JsonProperty("accounts") List<String> accounts, @JsonProperty("secret") String secret,
                                  @JsonProperty("fromBlock") Long fromBlock) {
        return new SubscriptionRequest(url, eventKinds, accounts, secret, fromBlock);
    }

    String url() {
        return url;
    }

    /** The entry kinds it delivers (none when it is for alerts only). */
    Set<EntryKind> eventKinds() {
        return eventKinds;
    }

    /** Whether it delivers compliance alerts. */
    boolean alerts() {
        return alerts;
    }

    Optional<List<String>> accounts() {
        return Optional.ofNullable(accounts);
    }

    Optional<String> secret() {
        return Optional.ofNullable(secret);
    }

    Optional<Long> fromBlock() {
        return Optional.ofNullable(fromBlock);
    }

    /** An absolute http or https URL with a host, no user info and no fragment, at most {@value #URL_LENGTH_MAX} characters. */
    private static String url(String text) {
        Require.present("url", text);
        if (text.length() > URL_LENGTH_MAX) {
            throw Require.invalid("url is longer than " + URL_LENGTH_MAX + " characters");
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || uri.getRawFragment() != null) {
                throw Require.invalid("url must be an absolute http or https URL with a host, without user info or fragment");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw Require.invalid("url is not a URL");
        }
    }

    private static Set<EntryKind> kinds(List<String> names) {
        Set<EntryKind> kinds = EnumSet.noneOf(EntryKind.class);
        for (String name : names) {
            try {
                kinds.add(EntryKind.valueOf(Require.present("eventKinds", name)));
            } catch (IllegalArgumentException e) {
                throw Require.invalid("eventKinds names only " + kindNames());
            }
        }
        return kinds;
    }

    private static List<String> kindNames() {
        List<String> names = new java.util.ArrayList<>(java.util.Arrays.stream(EntryKind.values()).map(Enum::name).toList());
        names.add(ALERT);
        return names;
    }
}
