package dev.outdial.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/** Campaign customers are re-evaluated from these events (SPEC §4.3), so every change publishes one. */
@OutdialIntegrationTest
@Import(ComplianceEventsTest.Recorder.class)
class ComplianceEventsTest {

    @TestComponent
    static class Recorder {

        final List<Object> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(NumbersBlocked blocked) {
            events.add(blocked);
        }

        @EventListener
        void on(NumbersUnblocked unblocked) {
            events.add(unblocked);
        }

        List<Object> of(long businessId) {
            return events.stream().filter(event -> switch (event) {
                case NumbersBlocked blocked -> blocked.businessId() == businessId;
                case NumbersUnblocked unblocked -> unblocked.businessId() == businessId;
                default -> false;
            }).toList();
        }
    }

    @Autowired
    Api api;

    @Autowired
    Recorder recorder;

    TestBusiness business;

    @BeforeEach
    void aBusiness() {
        business = api.newBusiness("events");
    }

    @Test
    void addingAndRemovingANumberPublishesBlockedThenUnblocked() {
        long id = business.admin().post("/api/v1/blacklist", Map.of("number", "0912345678")).expect(201).id();
        business.admin().delete("/api/v1/blacklist/" + id).expect(204);

        assertThat(recorder.of(business.id())).containsExactly(
                new NumbersBlocked(business.id(), List.of("+84912345678"), BlockKind.BLACKLIST),
                new NumbersUnblocked(business.id(), List.of("+84912345678"), BlockKind.BLACKLIST));
    }

    @Test
    void anImportPublishesOnlyTheNumbersItAdded() {
        business.admin().post("/api/v1/dnc", Map.of("number", "0912345678")).expect(201);

        business.admin().upload("/api/v1/dnc/import", "dnc.csv", "phone\n0912345678\n0912345679\nbad\n".getBytes())
                .expect(200);

        assertThat(recorder.of(business.id())).containsExactly(
                new NumbersBlocked(business.id(), List.of("+84912345678"), BlockKind.DNC),
                new NumbersBlocked(business.id(), List.of("+84912345679"), BlockKind.DNC));
    }

    @Test
    void aRefusedAddPublishesNothing() {
        business.admin().post("/api/v1/blacklist", Map.of("number", "12")).expect(400);

        assertThat(recorder.of(business.id())).isEmpty();
    }
}
