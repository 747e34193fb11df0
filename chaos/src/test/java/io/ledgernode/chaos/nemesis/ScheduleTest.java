package io.ledgernode.chaos.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void the_same_seed_replays_the_same_faults_at_the_same_moments() {
        assertThat(Schedule.draw(42, 30, Duration.ofMinutes(5))).isEqualTo(Schedule.draw(42, 30, Duration.ofMinutes(5)));
        assertThat(Schedule.draw(42, 30, Duration.ofMinutes(5))).isNotEqualTo(Schedule.draw(43, 30, Duration.ofMinutes(5)));
    }

    @Test
    void as_many_faults_as_kinds_cover_every_kind() {
        Schedule schedule = Schedule.draw(7, FaultKind.values().length, Duration.ofMinutes(3));

        EnumSet<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
        schedule.faults().forEach(f -> kinds.add(f.kind()));
        assertThat(kinds).containsExactlyInAnyOrder(FaultKind.values());
    }

    @Test
    void faults_fall_in_order_inside_the_run() {
        Duration duration = Duration.ofMinutes(2);
        Schedule schedule = Schedule.draw(1, 50, duration);

        assertThat(schedule.faults()).hasSize(50);
        for (int i = 0; i < 50; i++) {
            Schedule.Planned fault = schedule.faults().get(i);
            assertThat(fault.n()).isEqualTo(i + 1);
            assertThat(fault.at()).isPositive().isLessThan(duration);
            if (i > 0) {
                assertThat(fault.at()).isGreaterThan(schedule.faults().get(i - 1).at());
            }
            assertThat(fault.hang()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(5));
        }
    }
}
