package io.ledgernode.node.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static final Instant EXPIRES_AT = Instant.parse("2026-03-01T12:10:00Z");

    @Test
    void a_wallet_reads_its_own_accounts_only() {
        Caller wallet = caller(Set.of(Role.WALLET), Set.of("acc-1"), Optional.empty());

        assertThat(wallet.mayRead("acc-1", "DE")).isTrue();
        assertThat(wallet.mayRead("acc-2", "DE")).isFalse();
    }

    @Test
    void a_regulator_reads_only_accounts_of_its_jurisdiction() {
        Caller regulator = caller(Set.of(Role.REGULATOR), Set.of(), Optional.of("DE"));

        assertThat(regulator.mayRead("acc-1", "DE")).isTrue();
        assertThat(regulator.mayRead("acc-1", "FR")).isFalse();
        assertThat(regulator.mayRead("acc-1", null)).isFalse();
    }

    @Test
    void an_auditor_reads_every_account() {
        Caller auditor = caller(Set.of(Role.AUDITOR), Set.of(), Optional.empty());

        assertThat(auditor.mayRead("acc-1", "DE")).isTrue();
        assertThat(auditor.mayRead("acc-2", null)).isTrue();
    }

    @Test
    void operators_and_issuers_read_every_account_of_the_node() {
        assertThat(caller(Set.of(Role.OPERATOR), Set.of(), Optional.empty()).mayRead("acc-9", "FR")).isTrue();
        assertThat(caller(Set.of(Role.ISSUER), Set.of(), Optional.empty()).mayRead("acc-9", null)).isTrue();
    }

    @Test
    void a_caller_with_several_roles_reads_what_any_of_them_may() {
        Caller both = caller(Set.of(Role.WALLET, Role.REGULATOR), Set.of("acc-1"), Optional.of("DE"));

        assertThat(both.mayRead("acc-1", "FR")).isTrue();
        assertThat(both.mayRead("acc-2", "DE")).isTrue();
        assertThat(both.mayRead("acc-2", "FR")).isFalse();
        assertThat(both.has(Role.WALLET)).isTrue();
        assertThat(both.has(Role.AUDITOR)).isFalse();
    }

    @Test
    void a_caller_cannot_exist_without_the_claims_its_roles_need() {
        assertThatThrownBy(() -> caller(Set.of(), Set.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> caller(Set.of(Role.WALLET), Set.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> caller(Set.of(Role.REGULATOR), Set.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_caller_cannot_carry_a_jurisdiction_that_is_not_an_iso_3166_code() {
        for (String jurisdiction : java.util.List.of("ALL", "fr", "France", "XX")) {
            assertThatThrownBy(() -> caller(Set.of(Role.REGULATOR), Set.of(), Optional.of(jurisdiction)))
                    .as(jurisdiction).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(caller(Set.of(Role.REGULATOR), Set.of(), Optional.of("US-NY")).jurisdiction()).contains("US-NY");
    }

    @Test
    void roles_come_from_their_lower_case_claim_values_only() {
        assertThat(Role.fromClaim("regulator")).contains(Role.REGULATOR);
        assertThat(Role.fromClaim("REGULATOR")).isEmpty();
        assertThat(Role.fromClaim("admin")).isEmpty();
    }

    private static Caller caller(Set<Role> roles, Set<String> accounts, Optional<String> jurisdiction) {
        return new Caller("sub", "iss", roles, accounts, jurisdiction, Optional.empty(), EXPIRES_AT);
    }
}
