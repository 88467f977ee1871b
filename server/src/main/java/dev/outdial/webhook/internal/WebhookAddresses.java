package dev.outdial.webhook.internal;

import dev.outdial.sip.InternalAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where webhooks may be sent (SSRF): unless {@code outdial.webhooks.allow-private-addresses} is
 * true, never to an {@link InternalAddress} (loopback, private, link-local and the rest). Checked at registration
 * and again at every delivery, which then connects to the very address checked, so a name that
 * resolves elsewhere later (DNS rebinding) gains nothing.
 */
@Component
public class WebhookAddresses {

    private final boolean allowPrivate;

    public WebhookAddresses(@Value("${outdial.webhooks.allow-private-addresses:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** What a host resolved to: the address to connect to, or why none may be used. */
    public sealed interface Resolution {
        record Allowed(InetAddress address) implements Resolution {
        }

        record Refused(InetAddress address) implements Resolution {
        }

        record Unresolved(String host) implements Resolution {
        }
    }

    /** Resolves {@code host} now; refused if any of its addresses is one webhooks may not reach. */
    public Resolution resolve(String host) {
        List<InetAddress> addresses;
        try {
            addresses = Arrays.asList(InetAddress.getAllByName(host));
        } catch (UnknownHostException unknown) {
            return new Resolution.Unresolved(host);
        }
        if (!allowPrivate) {
            Optional<InetAddress> forbidden = addresses.stream().filter(InternalAddress::is).findFirst();
            if (forbidden.isPresent()) {
                return new Resolution.Refused(forbidden.get());
            }
        }
        return new Resolution.Allowed(addresses.getFirst());
    }
}
