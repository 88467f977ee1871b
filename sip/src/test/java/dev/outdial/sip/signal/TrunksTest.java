package dev.outdial.sip.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.sip.TrunkStatus;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TrunksTest {

    private static final InetSocketAddress PRIMARY = new InetSocketAddress("192.0.2.10", 5060);
    private static final InetSocketAddress BACKUP = new InetSocketAddress("192.0.2.20", 5070);

    @Test
    void callsGoToThePrimaryUnlessItIsDownAndTheBackupIsNot() {
        Trunks trunks = new Trunks(PRIMARY, List.of(BACKUP));
        assertThat(trunks.current()).as("nobody asked yet").isEqualTo(PRIMARY);

        trunks.record(PRIMARY, status(TrunkStatus.State.DOWN, "no answer to OPTIONS"));
        assertThat(trunks.current()).as("the backup not asked yet is not known to be down").isEqualTo(BACKUP);
        trunks.record(BACKUP, status(TrunkStatus.State.DOWN, "no answer to OPTIONS"));
        assertThat(trunks.current()).as("both down: the primary, which the operator configured first")
                .isEqualTo(PRIMARY);
        trunks.record(BACKUP, status(TrunkStatus.State.UP, "OPTIONS answered 200 OK"));
        assertThat(trunks.current()).isEqualTo(BACKUP);
        assertThat(trunks.status().detail()).isEqualTo("backup 192.0.2.20:5070 in use: OPTIONS answered 200 OK; "
                + "primary 192.0.2.10:5060: no answer to OPTIONS");

        trunks.record(PRIMARY, status(TrunkStatus.State.UP, "OPTIONS answered 405 Method Not Allowed"));
        assertThat(trunks.current()).as("back as soon as it answers").isEqualTo(PRIMARY);
        assertThat(trunks.status().state()).isEqualTo(TrunkStatus.State.UP);
    }

    @Test
    void aCallIsTriedOnTheOtherTrunkOnlyWhereThereIsOne() {
        Trunks both = new Trunks(PRIMARY, List.of(BACKUP));
        assertThat(both.next(Set.of(PRIMARY))).contains(BACKUP);
        assertThat(both.next(Set.of(BACKUP))).contains(PRIMARY);
        assertThat(both.next(Set.of(PRIMARY, BACKUP))).as("each once").isEmpty();
        assertThat(both.all()).containsExactly(PRIMARY, BACKUP);

        Trunks one = new Trunks(PRIMARY, List.of());
        assertThat(one.next(Set.of(PRIMARY))).isEmpty();
        assertThat(new Trunks(PRIMARY, List.of(PRIMARY)).all()).as("the same address twice is one trunk")
                .containsExactly(PRIMARY);
        one.record(PRIMARY, status(TrunkStatus.State.DOWN, "no answer to OPTIONS"));
        assertThat(one.current()).isEqualTo(PRIMARY);
        assertThat(one.status().detail()).as("no backup: the trunk's own word").isEqualTo("no answer to OPTIONS");
    }

    @Test
    void trunksTheCarriersDnsNamesLaterTakeTheCallsTheirCallersAndTheRegistrationFromThenOn() {
        Trunks trunks = new Trunks(PRIMARY, List.of(BACKUP));
        trunks.record(PRIMARY, status(TrunkStatus.State.DOWN, "no answer to OPTIONS"));
        InetSocketAddress moved = new InetSocketAddress("192.0.2.30", 5060);

        assertThat(trunks.moveTo(moved, List.of(BACKUP))).isTrue();

        assertThat(trunks.current()).as("the primary named now, not known to be down").isEqualTo(moved);
        assertThat(trunks.all()).containsExactly(moved, BACKUP);
        assertThat(trunks.isOneOf(moved.getAddress())).isTrue();
        assertThat(trunks.isOneOf(BACKUP.getAddress())).isTrue();
        assertThat(trunks.isOneOf(PRIMARY.getAddress())).as("no longer the carrier's").isFalse();
        assertThat(trunks.byRole()).containsKeys("primary", "backup");
        assertThat(trunks.byRole().get("primary").state()).as("how the old one answered is forgotten")
                .isEqualTo(TrunkStatus.State.UNKNOWN);
        assertThat(trunks.moveTo(moved, List.of(BACKUP))).as("named again: nothing moved").isFalse();
    }

    @Test
    void withMoreTrunksCallsGoToTheFirstThatAnswersAndACallIsTriedOnEachOnceTheOnesUpFirst() {
        InetSocketAddress third = new InetSocketAddress("192.0.2.30", 5060);
        InetSocketAddress fourth = new InetSocketAddress("192.0.2.40", 5060);
        Trunks trunks = new Trunks(PRIMARY, List.of(BACKUP));
        trunks.moveTo(PRIMARY, List.of(BACKUP, third, PRIMARY, fourth));
        assertThat(trunks.all()).as("each once, in their order").containsExactly(PRIMARY, BACKUP, third, fourth);

        trunks.record(PRIMARY, status(TrunkStatus.State.DOWN, "no answer to OPTIONS"));
        trunks.record(BACKUP, status(TrunkStatus.State.DOWN, "no answer to OPTIONS"));
        trunks.record(fourth, status(TrunkStatus.State.UP, "OPTIONS answered 200 OK"));
        assertThat(trunks.current()).as("the third, not known to be down").isEqualTo(third);
        trunks.record(third, status(TrunkStatus.State.DOWN, "no answer to OPTIONS"));
        assertThat(trunks.current()).isEqualTo(fourth);
        assertThat(trunks.status().detail()).isEqualTo("backup-3 192.0.2.40:5060 in use: OPTIONS answered 200 OK; "
                + "primary 192.0.2.10:5060: no answer to OPTIONS; backup 192.0.2.20:5070: no answer to OPTIONS; "
                + "backup-2 192.0.2.30:5060: no answer to OPTIONS");
        assertThat(trunks.byRole()).containsOnlyKeys("primary", "backup", "backup-2", "backup-3");

        assertThat(trunks.next(Set.of(fourth))).as("every other one down: the first of them").contains(PRIMARY);
        trunks.record(BACKUP, status(TrunkStatus.State.UP, "OPTIONS answered 200 OK"));
        assertThat(trunks.next(Set.of(PRIMARY))).as("the first up").contains(BACKUP);
        assertThat(trunks.next(Set.of(PRIMARY, BACKUP, third))).contains(fourth);
        assertThat(trunks.next(Set.of(PRIMARY, BACKUP, third, fourth))).isEmpty();
    }

    @Test
    void whoFollowsTheTrunksIsToldEachTimeCallsGoToAnotherOrTheDnsNamesOthersAndOnlyThen() {
        Trunks trunks = new Trunks(PRIMARY, List.of(BACKUP));
        AtomicInteger moves = new AtomicInteger();
        trunks.whenTheyChange(moves::incrementAndGet);

        trunks.record(PRIMARY, status(TrunkStatus.State.UP, "OPTIONS answered 200 OK"));
        trunks.record(BACKUP, status(TrunkStatus.State.DOWN, "no answer to OPTIONS"));
        assertThat(moves).as("calls stayed on the primary").hasValue(0);
        trunks.record(BACKUP, status(TrunkStatus.State.UP, "OPTIONS answered 200 OK"));
        trunks.record(PRIMARY, status(TrunkStatus.State.DOWN, "no answer to OPTIONS"));
        assertThat(moves).as("to the backup").hasValue(1);
        trunks.record(PRIMARY, status(TrunkStatus.State.DOWN, "no answer to OPTIONS"));
        assertThat(moves).as("still there").hasValue(1);
        trunks.record(PRIMARY, status(TrunkStatus.State.UP, "OPTIONS answered 200 OK"));
        assertThat(moves).as("back").hasValue(2);
        trunks.moveTo(new InetSocketAddress("192.0.2.30", 5060), List.of(BACKUP));
        assertThat(moves).as("to a trunk the DNS named").hasValue(3);
        trunks.moveTo(new InetSocketAddress("192.0.2.30", 5060), List.of(BACKUP));
        assertThat(moves).as("named again").hasValue(3);
        trunks.moveTo(new InetSocketAddress("192.0.2.30", 5060), List.of(BACKUP, PRIMARY));
        assertThat(moves).as("one more named, calls where they were").hasValue(4);
    }

    private static TrunkStatus status(TrunkStatus.State state, String detail) {
        return new TrunkStatus(state, Optional.of(Instant.EPOCH), detail);
    }
}
