package dev.outdial.sip.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.engine.customer.AgentId;
import java.time.Duration;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindingsTest {

    private final MutableClock clock = new MutableClock();
    private final Bindings bindings = new Bindings(clock);
    private final List<String> told = new ArrayList<>();
    private final AgentId anna = new AgentId("anna");

    {
        bindings.onChange((agent, registered) -> told.add(agent.value() + (registered ? " registered" : " unregistered")));
    }

    @Test
    void aBindingExpiresOnTimeAndTheSweepTellsIt() {
        bindings.bind(anna, "sip:anna@10.0.0.5:5060", Optional.empty(), Duration.ofSeconds(120));

        clock.advance(Duration.ofSeconds(119));
        bindings.expire();
        assertThat(bindings.isRegistered(anna)).isTrue();

        clock.advance(Duration.ofSeconds(1));
        assertThat(bindings.isRegistered(anna)).isFalse();
        bindings.expire();
        assertThat(told).containsExactly("anna registered", "anna unregistered");
    }

    @Test
    void eachContactKeepsItsOwnExpiryAndTheMostRecentOneRings() {
        bindings.bind(anna, "sip:anna@desk", Optional.empty(), Duration.ofSeconds(3600));
        clock.advance(Duration.ofSeconds(10));
        bindings.bind(anna, "sip:anna@softphone", Optional.empty(), Duration.ofSeconds(60));
        assertThat(bindings.phoneToRing(anna).map(Bindings.Binding::contact)).contains("sip:anna@softphone");

        clock.advance(Duration.ofSeconds(61));
        bindings.expire();

        assertThat(bindings.phoneToRing(anna).map(Bindings.Binding::contact)).contains("sip:anna@desk");
        assertThat(told).containsExactly("anna registered");
    }

    @Test
    void refreshingABindingMakesItTheOneToRing() {
        bindings.bind(anna, "sip:anna@desk", Optional.empty(), Duration.ofSeconds(3600));
        clock.advance(Duration.ofSeconds(5));
        bindings.bind(anna, "sip:anna@softphone", Optional.empty(), Duration.ofSeconds(3600));
        clock.advance(Duration.ofSeconds(5));
        bindings.bind(anna, "sip:anna@desk", Optional.empty(), Duration.ofSeconds(3600));

        assertThat(bindings.phoneToRing(anna).map(Bindings.Binding::contact)).contains("sip:anna@desk");
        assertThat(bindings.bindings(anna)).hasSize(2);
    }

    @Test
    void aForgottenAgentsPhoneIsNotRungWhateverItsBindingsHadLeft() {
        bindings.bind(anna, "sip:anna@desk", Optional.empty(), Duration.ofSeconds(3600));
        bindings.bind(anna, "sip:anna@softphone", Optional.empty(), Duration.ofSeconds(3600));

        bindings.forget(anna);

        assertThat(bindings.isRegistered(anna)).isFalse();
        assertThat(bindings.phoneToRing(anna)).isEmpty();
        assertThat(told).containsExactly("anna registered", "anna unregistered");
    }

    @Test
    void unbindingTheLastContactUnregistersOnce() {
        bindings.bind(anna, "sip:anna@desk", Optional.empty(), Duration.ofSeconds(3600));
        bindings.bind(anna, "sip:anna@softphone", Optional.empty(), Duration.ofSeconds(3600));

        bindings.unbind(anna, "sip:anna@desk");
        assertThat(bindings.isRegistered(anna)).isTrue();
        bindings.unbindAll(anna);
        bindings.unbindAll(anna);

        assertThat(bindings.isRegistered(anna)).isFalse();
        assertThat(told).containsExactly("anna registered", "anna unregistered");
    }

    @Test
    void registeringAgainAfterAnUnsweptExpiryIsToldOnce() {
        bindings.bind(anna, "sip:anna@desk", Optional.empty(), Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(61));
        bindings.bind(anna, "sip:anna@desk", Optional.empty(), Duration.ofSeconds(60));

        assertThat(told).containsExactly("anna registered");
    }
}
