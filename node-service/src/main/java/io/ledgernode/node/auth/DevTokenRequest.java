package io.ledgernode.node.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The command line of {@link DevTokens#main}, parsed; every mistake is an {@link IllegalArgumentException}. */
record DevTokenRequest(Path dir, String issuer, String audience, String subject, Set<Role> roles,
        Set<String> accounts, Optional<String> jurisdiction, Duration ttl) {

    static final String USAGE = "usage: DevTokens --dir D --issuer I --audience A [--subject S] --role R [--role R2]"
            + " [--account X]... [--jurisdiction J] [--ttl PT15M]";
    static final Duration TTL_DEFAULT = Duration.ofMinutes(15);
    static final int ARGUMENTS_MAX = 256;

    private static final Set<String> OPTIONS = Set.of(
            "--dir", "--issuer", "--audience", "--subject", "--role", "--account", "--jurisdiction", "--ttl");

    DevTokenRequest {
        roles = Set.copyOf(roles);
        accounts = Set.copyOf(accounts);
    }

    static DevTokenRequest parse(List<String> args) {
        if (args.size() > ARGUMENTS_MAX) {
            throw new IllegalArgumentException("more than " + ARGUMENTS_MAX + " arguments");
        }
        Map<String, List<String>> values = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String option = args.get(i);
            if (!OPTIONS.contains(option)) {
                throw new IllegalArgumentException("unknown option " + option);
            }
            if (i + 1 == args.size()) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            values.computeIfAbsent(option, name -> new ArrayList<>()).add(args.get(i + 1));
        }
        Set<Role> roles = roles(values);
        Set<String> accounts = Set.copyOf(values.getOrDefault("--account", List.of()));
        Optional<String> jurisdiction = optional(values, "--jurisdiction");
        return new DevTokenRequest(Path.of(required(values, "--dir")), required(values, "--issuer"),
                required(values, "--audience"), optional(values, "--subject")
                        .orElseGet(() -> defaultSubject(roles, accounts, jurisdiction)),
                roles, accounts, jurisdiction, ttl(optional(values, "--ttl")));
    }

    /**
     * A subject of its own for each role, account set and jurisdiction ({@code dev-wallet-alice}, {@code dev-auditor},
     * {@code dev-regulator-DE}): idempotency keys and rate limits are scoped to the subject, so tokens for different
     * callers must not share one.
     */
    static String defaultSubject(Set<Role> roles, Set<String> accounts, Optional<String> jurisdiction) {
        List<String> parts = new ArrayList<>(List.of("dev"));
        roles.stream().map(Role::claimValue).sorted().forEach(parts::add);
        accounts.stream().sorted().forEach(parts::add);
        jurisdiction.ifPresent(parts::add);
        return String.join("-", parts);
    }

    private static String required(Map<String, List<String>> values, String option) {
        return optional(values, option)
                .orElseThrow(() -> new IllegalArgumentException("option " + option + " is missing"));
    }

    private static Optional<String> optional(Map<String, List<String>> values, String option) {
        List<String> given = values.getOrDefault(option, List.of());
        if (given.size() > 1) {
            throw new IllegalArgumentException("option " + option + " is given more than once");
        }
        return given.stream().findFirst();
    }

    private static Set<Role> roles(Map<String, List<String>> values) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values.getOrDefault("--role", List.of())) {
            roles.add(Role.fromClaim(value.toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new IllegalArgumentException("unknown role " + value)));
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("option --role is missing");
        }
        return roles;
    }

    private static Duration ttl(Optional<String> value) {
        if (value.isEmpty()) {
            return TTL_DEFAULT;
        }
        try {
            return Duration.parse(value.orElseThrow());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "--ttl " + value.orElseThrow() + " is not an ISO-8601 duration such as PT15M");
        }
    }
}
