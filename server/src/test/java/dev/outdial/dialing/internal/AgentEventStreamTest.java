package dev.outdial.dialing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.testing.Await;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Pushing an agent's events never waits for a browser: a page that stops reading is closed, not waited for. */
public class AgentEventStreamTest {

    /** A page that never reads: every write blocks until the test lets go. */
    public static final class StuckPage extends SseEmitter {
        public final CountDownLatch letGo = new CountDownLatch(1);
        final CountDownLatch writing = new CountDownLatch(1);

        @Override
        public void send(SseEventBuilder event) {
            writing.countDown();
            try {
                letGo.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A page that reads everything it is sent. */
    static final class ReadingPage extends SseEmitter {
        final List<String> received = new CopyOnWriteArrayList<>();

        @Override
        public void send(SseEventBuilder event) throws IOException {
            StringBuilder whole = new StringBuilder();
            event.build().forEach(part -> whole.append(part.getData()));
            received.add(whole.toString());
        }
    }

    final AgentId slow = AgentId.of("1");
    final AgentId other = AgentId.of("2");
    final AgentEventStream stream = new AgentEventStream(8);

    @Test
    @Timeout(10)
    void aPageThatNeverReadsNeitherBlocksThePusherNorAnotherAgentsEventsAndIsClosedOnceTooFarBehind()
            throws InterruptedException {
        StuckPage stuck = new StuckPage();
        ReadingPage reading = new ReadingPage();
        stream.subscribe(slow, stuck);
        stream.subscribe(other, reading);
        stuck.writing.await();

        // Far more events than the stuck page's backlog: each push returns at once.
        for (int i = 0; i < 100; i++) {
            stream.push(slow, "call-placed", Map.of("n", i));
        }
        stream.push(other, "call-placed", Map.of("callId", "c-1"));

        assertThat(stream.openStreams(slow)).as("the page that fell behind").isZero();
        assertThat(stream.openStreams(other)).isOne();
        awaitReceived(reading, 2);
        assertThat(String.join("", reading.received)).contains("connected", "call-placed", "c-1");
        stuck.letGo.countDown();
    }

    @Test
    @Timeout(10)
    void aPageThatKeepsUpStaysOpenAndReceivesEveryEventInOrder() throws InterruptedException {
        ReadingPage reading = new ReadingPage();
        stream.subscribe(other, reading);

        for (int i = 0; i < 50; i++) {
            stream.push(other, "call-placed", Map.of("n", i));
            awaitReceived(reading, i + 2);
        }

        assertThat(stream.openStreams(other)).isOne();
        assertThat(reading.received.getFirst()).contains("event:connected");
        for (int i = 0; i < 50; i++) {
            assertThat(reading.received.get(i + 1)).contains("event:call-placed", "{n=" + i + "}");
        }
    }

    @Test
    @Timeout(10)
    void everyEventHasAnIdAndAClientReconnectingWithTheLastItSawGetsWhatItMissed() throws InterruptedException {
        ReadingPage first = new ReadingPage();
        stream.subscribe(other, first);
        for (int i = 0; i < 3; i++) {
            stream.push(other, "call-placed", Map.of("n", i));
        }
        awaitReceived(first, 4);
        assertThat(first.received.getFirst()).as("the reconnection delay comes first").contains("retry:3000");
        String secondId = idOf(first.received.get(2));
        assertThat(first.received.subList(1, 4)).allSatisfy(event -> assertThat(event).contains("id:"));

        ReadingPage again = new ReadingPage();
        stream.subscribe(other, again, secondId);
        awaitReceived(again, 2);

        assertThat(again.received.getFirst()).contains("event:connected", "resumed=true");
        assertThat(again.received.get(1)).contains("{n=2}");
        assertThat(idOf(again.received.get(1))).isEqualTo(idOf(first.received.get(3)));
        stream.push(other, "call-placed", Map.of("n", 3));
        awaitReceived(again, 3);
        assertThat(again.received.get(2)).contains("{n=3}");
    }

    @Test
    @Timeout(10)
    void anIdFromAnotherRunOrBeyondTheWindowIsNotResumedFrom() throws InterruptedException {
        stream.push(other, "call-placed", Map.of("n", 0));
        ReadingPage stranger = new ReadingPage();
        stream.subscribe(other, stranger, "0abc-1");
        awaitReceived(stranger, 1);

        assertThat(stranger.received.getFirst()).contains("resumed=false");
        stream.push(other, "call-placed", Map.of("n", 1));
        awaitReceived(stranger, 2);
        assertThat(stranger.received.get(1)).contains("{n=1}");
    }

    @Test
    @Timeout(10)
    void openStreamsGetAHeartbeatComment() throws InterruptedException {
        ReadingPage reading = new ReadingPage();
        stream.subscribe(other, reading);

        stream.heartbeat();

        awaitReceived(reading, 2);
        assertThat(reading.received.get(1)).startsWith(":heartbeat");
    }

    private static String idOf(String event) {
        return event.lines().filter(line -> line.startsWith("id:")).findFirst().orElseThrow().substring(3);
    }

    private static void awaitReceived(ReadingPage page, int count) {
        Await.until(() -> page.received.size() >= count, count + " events received");
    }
}
