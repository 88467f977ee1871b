package dev.outdial.dialing.internal;

import dev.outdial.agent.AgentGroups;
import dev.outdial.campaign.Campaign;
import dev.outdial.campaign.CampaignDefinition;
import dev.outdial.campaign.Campaigns;
import dev.outdial.customer.CampaignProgress;
import dev.outdial.customer.Progress;
import dev.outdial.dialing.CampaignForecastView.Rate;
import dev.outdial.dialing.CampaignForecastView.Source;
import dev.outdial.dialing.CampaignForecastView;
import dev.outdial.engine.call.CampaignSettings;
import dev.outdial.engine.customer.DialType;
import dev.outdial.engine.pacing.PredictiveSettings;
import dev.outdial.engine.sim.forecast.CampaignForecast.Forecast;
import dev.outdial.engine.sim.forecast.CampaignForecast.ForecastCampaign;
import dev.outdial.engine.sim.forecast.CampaignForecast.ForecastRates;
import dev.outdial.engine.sim.forecast.CampaignForecast;
import dev.outdial.engine.sim.forecast.DialingCalendar;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Forecasts a campaign's remaining customers (issue 6): the engine's simulator in virtual time with
 * the rates the campaign's calls have shown so far, laid on its working hours. A forecast costs up
 * to a few seconds of a core, so each (campaign, agents) is worked out at most once a minute.
 */
@Service
public class CampaignForecasts {

    static final int MAX_AGENTS = 1_000;
    static final Duration CACHED_FOR = Duration.ofMinutes(1);
    /** Customers listening to waiting music hang up after this long on average (predictive's abandons). */
    static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final Set<DialType> FORECAST = Set.of(DialType.PREVIEW, DialType.PROGRESSIVE, DialType.PREDICTIVE);

    private record Key(long businessId, long campaignId, int agents) {
    }

    private record Cached(Instant at, CampaignForecastView view) {
    }

    private final Campaigns campaigns;
    private final AgentGroups groups;
    private final CampaignProgress progress;
    private final ObservedRates observed;
    private final EngineCampaigns engineCampaigns;
    private final DialingProperties properties;
    private final Clock clock;
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

    CampaignForecasts(Campaigns campaigns, AgentGroups groups, CampaignProgress progress, ObservedRates observed,
                      EngineCampaigns engineCampaigns, DialingProperties properties, Clock clock) {
        this.campaigns = campaigns;
        this.groups = groups;
        this.progress = progress;
        this.observed = observed;
        this.engineCampaigns = engineCampaigns;
        this.properties = properties;
        this.clock = clock;
    }

    /** The forecast at {@code agents} agents, by default the campaign's assigned agents. */
    public CampaignForecastView forecast(long businessId, long campaignId, Integer agents) {
        Campaign campaign = campaigns.get(businessId, campaignId);
        CampaignDefinition s = campaign.settings();
        if (agents != null && (agents < 1 || agents > MAX_AGENTS)) {
            throw new InvalidInputException("agents", "validation.range", 1, MAX_AGENTS);
        }
        if (!FORECAST.contains(s.dialMode())) {
            throw new ConflictException("forecast.dial-mode", s.dialMode());
        }
        int working = agents != null ? agents : Math.max(1, assignedAgents(businessId, s));
        Instant now = clock.instant();
        Key key = new Key(businessId, campaignId, working);
        Cached cached = cache.get(key);
        if (cached != null && cached.at().plus(CACHED_FOR).isAfter(now)) {
            return cached.view();
        }
        if (cache.size() > 1_000) {
            cache.values().removeIf(old -> !old.at().plus(CACHED_FOR).isAfter(now));
        }
        CampaignForecastView view = compute(businessId, campaign, working, now);
        cache.put(key, new Cached(now, view));
        return view;
    }

    private CampaignForecastView compute(long businessId, Campaign campaign, int agents, Instant now) {
        CampaignDefinition s = campaign.settings();
        long remaining = Optional.ofNullable(progress.of(businessId, campaign.id()).buckets()
                .get(Progress.Kind.NOT_HANDLED.key())).map(Progress.Bucket::total).orElse(0L);
        List<Rate> rates = new ArrayList<>(observed.of(businessId, campaign.id()));
        rates.add(new Rate("wrapUpSeconds", s.wrapUpSeconds() == null ? 0 : s.wrapUpSeconds(), Source.SETTING, 0));
        ForecastRates simulated = new ForecastRates(value(rates, "answerRate"), value(rates, "busyRate"),
                seconds(value(rates, "ringSeconds")), seconds(value(rates, "talkSeconds")),
                seconds(value(rates, "wrapUpSeconds")), properties.noAnswerTimeout(), PATIENCE);
        boolean predictive = s.dialMode() == DialType.PREDICTIVE;
        CampaignSettings engineSettings = engineCampaigns.settingsOf(businessId, campaign.id());
        ForecastCampaign dialing = new ForecastCampaign(s.dialMode(), agents, remaining,
                s.maxCallsPerCustomer(), Duration.ofMinutes(s.retryGapMinutes()),
                s.maxConcurrentCalls() == null ? OptionalInt.empty() : OptionalInt.of(s.maxConcurrentCalls()),
                predictive ? s.maxAbandonRate() : PredictiveSettings.DEFAULT_MAX_ABANDON_RATE,
                predictive ? Duration.ofSeconds(s.maxWaitSeconds()) : PredictiveSettings.DEFAULT_MAX_WAIT,
                s.agentAnswerTimeoutSeconds() == null ? CampaignSettings.DEFAULT_AGENT_ANSWER_TIMEOUT
                        : Duration.ofSeconds(s.agentAnswerTimeoutSeconds()),
                Duration.ofSeconds(s.previewSeconds() == null ? 0 : s.previewSeconds()), engineSettings.zone());
        Forecast forecast = CampaignForecast.run(dialing, simulated, campaign.id());
        Optional<Instant> done = DialingCalendar.doneAfter(engineSettings.window(), now, forecast.dialingTime());
        return new CampaignForecastView(campaign.id(), s.dialMode().name(), agents, remaining, done.orElse(null),
                done.isPresent(), round(forecast.dialingTime().toMillis() / 3_600_000.0),
                round(forecast.contactsPerHour()), predictive ? round4(forecast.abandonRate()) : null, rates,
                forecast.simulatedAgents(), forecast.simulatedCustomers(), now);
    }

    private int assignedAgents(long businessId, CampaignDefinition s) {
        Set<Long> agents = new LinkedHashSet<>(s.agentIds() == null ? List.of() : s.agentIds());
        for (long group : s.agentGroupIds() == null ? List.<Long>of() : s.agentGroupIds()) {
            agents.addAll(groups.get(businessId, group).agentIds());
        }
        return agents.size();
    }

    private static double value(List<Rate> rates, String name) {
        return rates.stream().filter(rate -> rate.name().equals(name)).findFirst().orElseThrow().value();
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double round4(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
