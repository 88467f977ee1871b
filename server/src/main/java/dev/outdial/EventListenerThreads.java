package dev.outdial;

import java.util.concurrent.Executor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads the application module listeners run on ({@code @ApplicationModuleListener}), each after
 * its event's transaction committed, in a transaction of its own. (A call's end no longer goes this
 * way: its tally, tickets, webhooks and hotline failures are handled in batches from the call-end
 * outbox, {@code dev.outdial.call.CallEndHandler}.) On unbounded virtual threads a node dialing a
 * hundred calls a second started hundreds of them at once, every one waiting for a connection of the
 * pool the dialer needs (issue 18): they now run on {@code outdial.events.listener-threads} threads
 * (4), the others queued in order. Nothing is lost by waiting: each publication stays in the event
 * publication registry until its listener completed.
 */
@Configuration
class EventListenerThreads implements AsyncConfigurer, DisposableBean {

    /** Not a bean: an executor bean would take the place of the application's own task executor. */
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    EventListenerThreads(@Value("${outdial.events.listener-threads:4}") int threads) {
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("outdial.events.listener-threads must be from 1 to 64, not " + threads);
        }
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("outdial-events-");
        // Listeners still running at shutdown finish; a publication not completed is resubmitted later.
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
    }

    @Override
    public Executor getAsyncExecutor() {
        return executor;
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
