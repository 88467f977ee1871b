package dev.outdial.dialing;

import dev.outdial.call.CallActivities;
import dev.outdial.campaign.settings.TrunkHealth;
import dev.outdial.dialing.internal.LiveTelephony;
import dev.outdial.dialing.internal.SipAdapter;
import dev.outdial.sip.TrunkStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Which telephony the node runs ({@code outdial.telephony.mode}) and, with real calls, the trunk's health. */
@Service
public class TelephonyStatus implements TrunkHealth {

    /**
     * {@code GET /api/v1/telephony}: mode {@code sim} or {@code sip}; the trunk only in sip mode, its registration only
     * where this node registers with it ({@code REGISTERING}, {@code REGISTERED}, {@code FAILED}); the certificate only
     * where SIP over TLS is set up.
     */
    public record View(String mode, Optional<Report> trunk, Optional<Report> registration,
                       Optional<Certificate> certificate) {
    }

    /** How far back the Hotlines page counts the trunks' answers. */
    static final Duration RECENT = Duration.ofHours(1);

    private final LiveTelephony telephony;
    private final CallActivities calls;
    private final Clock clock;

    TelephonyStatus(LiveTelephony telephony, CallActivities calls, Clock clock) {
        this.telephony = telephony;
        this.calls = calls;
        this.clock = clock;
    }

    public View view() {
        return new View(telephony.mode().setting(), report(), registration(), certificate());
    }

    @Override
    public Optional<Certificate> certificate() {
        return telephony.sipAdapter().flatMap(SipAdapter::tlsCertificate).map(shown -> new Certificate(
                shown.subject(), shown.validUntil(), shown.shownSince(), shown.renewalProblem(),
                shown.expiringAt(clock.instant())));
    }

    @Override
    public List<AnswerCount> recentAnswers(long businessId) {
        if (telephony.sipAdapter().isEmpty()) {
            return List.of();
        }
        return calls.trunkAnswersSince(businessId, clock.instant().minus(RECENT));
    }

    @Override
    public Optional<Report> registration() {
        return telephony.sipAdapter().flatMap(SipAdapter::trunkRegistration)
                .map(registered -> new Report(registered.state().name(), registered.checkedAt(), registered.detail()));
    }

    @Override
    public Optional<Report> report() {
        return telephony.sipAdapter().map(sip -> {
            TrunkStatus trunk = sip.trunkStatus();
            return new Report(trunk.state().name(), trunk.checkedAt(), trunk.detail());
        });
    }
}
