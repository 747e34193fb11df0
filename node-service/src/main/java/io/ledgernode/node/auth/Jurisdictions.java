package io.ledgernode.node.auth;

import io.ledgernode.api.LedgerException;
import io.ledgernode.api.Require;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which values name a jurisdiction in a token: exactly the codes an account can carry (the chaincode's rule, {@code DE}
 * or a subdivision such as {@code US-NY}), whose country part is an assigned ISO 3166-1 alpha-2 code. So {@code "fr"},
 * {@code "France"}, {@code "XX"} and the consolidated reports' {@code "ALL"} are not jurisdictions: a token naming one
 * is malformed, never a regulator that silently sees nothing, or everything.
 */
public final class Jurisdictions {

    private static final Set<String> COUNTRIES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

    private Jurisdictions() {}

    /** Whether {@code value} is a jurisdiction code a regulator's token may name. */
    public static boolean isValid(String value) {
        Objects.requireNonNull(value, "value");
        try {
            Require.jurisdiction("jurisdiction", value);
        } catch (LedgerException e) {
            return false;
        }
        return COUNTRIES.contains(value.substring(0, 2));
    }
}
