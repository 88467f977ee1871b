package dev.outdial.live.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.outdial.testing.Await;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Issue 8: a dashboard's stream that cannot keep up never holds up the round or the other
 * streams; it skips to the newest figures. A stream that failed is dropped.
 */
class LiveStreamsTest {

    /** Generous: only a stream that blocks the round would ever wait this long. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    /** A browser's stream: records what it was sent, optionally stuck until released, or broken. */
    static final class Browser extends SseEmitter {

        final List<String> received = new CopyOnWriteArrayList<>();
        final List<String> events = new CopyOnWriteArrayList<>();
        final CountDownLatch released;
        final CountDownLatch firstWriteStarted = new CountDownLatch(1);
        volatile boolean broken;

        Browser(boolean stuck) {
            released = new CountDownLatch(stuck ? 1 : 0);
        }

        @Override
        public void send(SseEventBuilder event) throws IOException {
            firstWriteStarted.countDown();
            try {
                released.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IOException(interrupted);
            }
            if (broken) {
                throw new IOException("the browser went away");
            }
            String data = event.build().stream().map(part -> String.valueOf(part.getData()))
                    .filter(text -> text.startsWith("figures")).findFirst().orElseThrow();
            events.add(event.build().stream().map(part -> String.valueOf(part.getData()))
                    .collect(java.util.stream.Collectors.joining()));
            received.add(data);
        }
    }

    final LiveStreams<String> streams = new LiveStreams<>("live", Function.identity());

    @Test
    void aStuckBrowserSkipsToTheNewestFiguresWhileTheOthersGetEachOne() throws Exception {
        // given two browsers watching one campaign, one of them stuck writing its first figures
        Browser stuck = new Browser(true);
        Browser quick = new Browser(false);
        streams.subscribe("campaign", "figures 0", stuck);
        streams.subscribe("campaign", "figures 0", quick);
        stuck.firstWriteStarted.await();

        // when five rounds push new figures
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int round = 1; round <= 5; round++) {
                String figures = "figures " + round;
                streams.push("campaign", scope -> figures);
                awaitReceived(quick, figures);
            }
        });

        // then the quick browser got every one, and the stuck one, released, only its first and the newest
        assertThat(quick.received).containsExactly("figures 0", "figures 1", "figures 2", "figures 3", "figures 4",
                "figures 5");
        stuck.released.countDown();
        awaitReceived(stuck, "figures 5");
        assertThat(stuck.received).containsExactly("figures 0", "figures 5");
    }

    @Test
    void aBrowserThatWentAwayIsDroppedAndUnchangedFiguresAreNotSentAgain() throws Exception {
        Browser gone = new Browser(false);
        Browser staying = new Browser(false);
        streams.subscribe("business", "figures 0", gone);
        streams.subscribe("business", "figures 0", staying);
        awaitReceived(staying, "figures 0");
        awaitReceived(gone, "figures 0");
        gone.broken = true;

        streams.push("business", scope -> "figures 1");
        awaitReceived(staying, "figures 1");
        Await.until(() -> streams.streamCount() == 1, "the stream that went away to be dropped");
        streams.push("business", scope -> "figures 1");
        streams.push("business", scope -> "figures 2");
        awaitReceived(staying, "figures 2");

        assertThat(staying.received).containsExactly("figures 0", "figures 1", "figures 2");
        assertThat(streams.watched()).containsExactly("business");
    }

    @Test
    void everyEventHasItsOwnIdAndTheFirstTellsTheReconnectionDelay() throws Exception {
        Browser browser = new Browser(false);
        streams.subscribe("campaign", "figures 0", browser);
        awaitReceived(browser, "figures 0");
        streams.push("campaign", scope -> "figures 1");
        awaitReceived(browser, "figures 1");

        assertThat(browser.events.get(0)).contains("retry:3000").containsPattern("id:\\w+-\\d+");
        assertThat(browser.events.get(1)).doesNotContain("retry:").containsPattern("id:\\w+-\\d+");
        assertThat(browser.events.get(0).lines().filter(line -> line.startsWith("id:")).findFirst())
                .isNotEqualTo(browser.events.get(1).lines().filter(line -> line.startsWith("id:")).findFirst());
    }

    private static void awaitReceived(Browser browser, String figures) {
        Await.until(() -> browser.received.contains(figures), "\"" + figures + "\" received");
    }
}
