package dev.outdial;

import dev.outdial.shared.NodeId;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;

/**
 * Outdial: an outbound call-campaign platform. Each top-level package below this one is an
 * application module (Spring Modulith) with its API at the package root; {@code shared} holds
 * the few types every module speaks (the current user, roles, problem exceptions).
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class OutdialApplication {

    public static void main(String[] args) {
        SpringApplication.run(OutdialApplication.class, args);
    }

    /** Wall-clock time for the server; tests and the simulator bring their own. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** {@code outdial.node-id} when set, else a fresh id for this start. */
    @Bean
    NodeId nodeId(@Value("${outdial.node-id:}") String configured) {
        return configured.isBlank() ? NodeId.random() : new NodeId(configured);
    }
}
