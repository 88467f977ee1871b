package dev.outdial.web;

import dev.outdial.shared.StartupNotes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person who started Outdial where to open it, once it really serves, with what the
 * modules noted for them on the way ({@link StartupNotes}), in one block.
 */
@Component
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private final StartupNotes notes;

    ReadyBanner(StartupNotes notes) {
        this.notes = notes;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            log.info("{}", notes.render("http://localhost:" + web.getWebServer().getPort()));
        }
    }
}
