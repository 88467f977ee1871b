package dev.outdial;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled work (the campaign clock, the pacer and presence heartbeats, the sweeps, webhook
 * deliveries) runs on every node, but not in {@code ./outdial audit} (the {@code audit} profile),
 * which reads the database and must change nothing in it.
 */
@Configuration
@EnableScheduling
@Profile("!audit")
class Scheduling {
}
