package io.ledgernode.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgernode.mirror.testing.EmbeddedMirror;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AdvisoryLockTest {

    private static final long KEY = 0x4C4F434B54455354L;

    @ParameterizedTest
    @EnumSource(AdvisoryLock.Scope.class)
    void a_second_taker_is_refused_and_told_who_holds_it_until_the_first_closes(AdvisoryLock.Scope scope) throws Exception {
        DataSource database = EmbeddedMirror.shared().fresh().admin();

        try (AdvisoryLock first = AdvisoryLock.tryAcquire(database, KEY, scope).orElseThrow()) {
            assertThat(first.held()).isTrue();
            assertThat(AdvisoryLock.tryAcquire(database, KEY, scope)).isEmpty();
            assertThat(AdvisoryLock.holder(database, KEY, scope)).startsWith("backend pid ");
        }
        Optional<AdvisoryLock> again = AdvisoryLock.tryAcquire(database, KEY, scope);
        assertThat(again).isPresent();
        again.get().close();
    }

    @ParameterizedTest
    @EnumSource(AdvisoryLock.Scope.class)
    void locks_of_other_keys_do_not_exclude_each_other(AdvisoryLock.Scope scope) throws Exception {
        DataSource database = EmbeddedMirror.shared().fresh().admin();

        try (AdvisoryLock first = AdvisoryLock.tryAcquire(database, KEY, scope).orElseThrow();
             AdvisoryLock other = AdvisoryLock.tryAcquire(database, KEY + 1, scope).orElseThrow()) {
            assertThat(other.held()).isTrue();
        }
    }
}
