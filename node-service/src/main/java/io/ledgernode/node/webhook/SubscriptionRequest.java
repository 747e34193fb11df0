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
 * {@code POST /v1/subscriptions} {@code {"url","eventKinds":[...],"accounts"?:[...],"secret"?,"fromBlock"?}}, read
 * with the interface's strict mapping (unknown fields refused). Every field is checked here, with the stable code
 * INVALID_ARGUMENT.
 */
final class SubscriptionRequest {

    static final int URL_LENGTH_MAX = 2048;
    static final int ACCOUNTS_MAX = 1000;

    private final String url;
    private final Set<EntryKind> eventKinds;
    private final List<String> accounts;
    private final String secret;
    private final Long fromBlock;

    private SubscriptionRequest(String url, List<String> eventKinds, List<String> accounts, String secret, Long fromBlock) {
        this.url = url(url);
        this.eventKinds = kinds(eventKinds);
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

    Set<EntryKind> eventKinds() {
        return eventKinds;
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
        if (names == null || names.isEmpty()) {
            throw Require.invalid("eventKinds names at least one of " + List.of(EntryKind.values()));
        }
        Set<EntryKind> kinds = EnumSet.noneOf(EntryKind.class);
        for (String name : names) {
            try {
                kinds.add(EntryKind.valueOf(Require.present("eventKinds", name)));
            } catch (IllegalArgumentException e) {
                throw Require.invalid("eventKinds names only " + List.of(EntryKind.values()));
            }
        }
        return kinds;
    }
}
