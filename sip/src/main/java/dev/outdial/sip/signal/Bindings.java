package dev.outdial.sip.signal;

import dev.outdial.engine.customer.AgentId;
import dev.outdial.sip.PhoneRegistrations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The registrar's memory: which contacts each agent's phones registered, each with its own expiry
 * (an agent may have a desk phone and a softphone). A call rings the most recently registered live
 * contact, the phone the agent touched last. Thread-safe; listeners hear an agent go registered
 * with their first binding and unregistered when their last one is removed or expires.
 */
public final class Bindings implements PhoneRegistrations {

    private final Clock clock;
    private final Map<AgentId, Map<String, Binding>> byAgent = new HashMap<>();
    private final List<BiConsumer<AgentId, Boolean>> listeners = new CopyOnWriteArrayList<>();
    /** Agents listeners were last told are registered, so each change is told once. */
    private final Set<AgentId> announced = new HashSet<>();

    public Bindings(Clock clock) {
        this.clock = clock;
    }

    /**
     * One registered contact: the URI to ring, the NAT router's address it is reached through if it registered
     * from behind one, until when, and when it (re)registered.
     */
    public record Binding(String contact, Optional<NatAddress> behindNat, Instant registeredAt, Instant expiresAt) {

        public Duration remaining(Instant now) {
            Duration left = Duration.between(now, expiresAt);
            return left.isNegative() ? Duration.ZERO : left;
        }
    }

    /** Adds or refreshes {@code contact} for {@code expires}, reached through {@code behindNat} if given. */
    public void bind(AgentId agent, String contact, Optional<NatAddress> behindNat, Duration expires) {
        Instant now = clock.instant();
        boolean first;
        synchronized (this) {
            byAgent.computeIfAbsent(agent, a -> new LinkedHashMap<>())
                    .put(contact, new Binding(contact, behindNat, now, now.plus(expires)));
            first = announced.add(agent);
        }
        if (first) {
            tell(agent, true);
        }
    }

    /** Removes {@code contact} (an Expires of 0); harmless when it is not bound. */
    public void unbind(AgentId agent, String contact) {
        remove(agent, contacts -> contacts.remove(contact));
    }

    /** Removes every contact of the agent ({@code Contact: *}). */
    public void unbindAll(AgentId agent) {
        remove(agent, Map::clear);
    }

    @Override
    public void forget(AgentId agent) {
        unbindAll(agent);
    }

    /** The agent's live bindings, most recently registered first. */
    public synchronized List<Binding> bindings(AgentId agent) {
        Map<String, Binding> contacts = byAgent.get(agent);
        if (contacts == null) {
            return List.of();
        }
        List<Binding> live = new ArrayList<>(live(contacts, clock.instant()));
        live.sort(Comparator.comparing(Binding::registeredAt).reversed());
        return live;
    }

    /** The phone a call to the agent rings: the most recently registered live one. */
    public Optional<Binding> phoneToRing(AgentId agent) {
        return bindings(agent).stream().findFirst();
    }

    /** Drops expired bindings and tells who is no longer registered; run on a schedule. */
    public void expire() {
        Instant now = clock.instant();
        List<AgentId> gone = new ArrayList<>();
        synchronized (this) {
            byAgent.entrySet().removeIf(entry -> {
                Map<String, Binding> contacts = entry.getValue();
                contacts.values().removeIf(binding -> !binding.expiresAt().isAfter(now));
                if (contacts.isEmpty() && announced.remove(entry.getKey())) {
                    gone.add(entry.getKey());
                }
                return contacts.isEmpty();
            });
        }
        gone.forEach(agent -> tell(agent, false));
    }

    @Override
    public boolean isRegistered(AgentId agent) {
        return !bindings(agent).isEmpty();
    }

    @Override
    public void onChange(BiConsumer<AgentId, Boolean> listener) {
        listeners.add(listener);
    }

    private void remove(AgentId agent, Consumer<Map<String, Binding>> how) {
        boolean gone;
        synchronized (this) {
            Map<String, Binding> contacts = byAgent.get(agent);
            if (contacts == null) {
                return;
            }
            how.accept(contacts);
            contacts.values().removeIf(binding -> !binding.expiresAt().isAfter(clock.instant()));
            if (contacts.isEmpty()) {
                byAgent.remove(agent);
            }
            gone = contacts.isEmpty() && announced.remove(agent);
        }
        if (gone) {
            tell(agent, false);
        }
    }

    private static List<Binding> live(Map<String, Binding> contacts, Instant now) {
        return contacts.values().stream().filter(binding -> binding.expiresAt().isAfter(now)).toList();
    }

    private void tell(AgentId agent, boolean registered) {
        listeners.forEach(listener -> listener.accept(agent, registered));
    }
}
