package dev.outdial.ivr;

import dev.outdial.engine.ivr.IvrNode;
import dev.outdial.campaign.Campaigns;
import dev.outdial.campaign.settings.CallClassification;
import dev.outdial.campaign.settings.CallClassifications;
import dev.outdial.ivr.internal.IvrRepository;
import dev.outdial.media.AudioFiles;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.Names;
import dev.outdial.shared.NotFoundException;
import dev.outdial.shared.Violations;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The business's IVRs: saved only when the whole tree is valid, deleted only when no campaign names them. */
@Service
public class Ivrs {

    private final IvrRepository ivrs;
    private final AudioFiles audio;
    private final CallClassifications classifications;
    private final Campaigns campaigns;
    private final SpokenPrompts speech;
    private final Clock clock;

    Ivrs(IvrRepository ivrs, AudioFiles audio, CallClassifications classifications, Campaigns campaigns,
         SpokenPrompts speech, Clock clock) {
        this.speech = speech;
        this.ivrs = ivrs;
        this.audio = audio;
        this.classifications = classifications;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Transactional
    public Ivr create(long businessId, IvrDraft draft) {
        Ivr valid = validate(businessId, draft, null);
        return get(businessId, ivrs.insert(businessId, valid.name(), valid.root(), valid.nodes(), clock.instant()));
    }

    @Transactional
    public Ivr update(long businessId, long id, IvrDraft draft) {
        get(businessId, id);
        Ivr valid = validate(businessId, draft, id);
        ivrs.update(businessId, id, valid.name(), valid.root(), valid.nodes());
        return get(businessId, id);
    }

    @Transactional(readOnly = true)
    public Ivr get(long businessId, long id) {
        return ivrs.find(businessId, id).orElseThrow(() -> new NotFoundException("ivr", id));
    }

    @Transactional(readOnly = true)
    public boolean exists(long businessId, long id) {
        return ivrs.find(businessId, id).isPresent();
    }

    @Transactional(readOnly = true)
    public List<Ivr> list(long businessId) {
        return ivrs.list(businessId);
    }

    /** Refused while a campaign that has not ended names the IVR: it would answer its calls with nothing. */
    @Transactional
    public void delete(long businessId, long id) {
        Ivr ivr = get(businessId, id);
        if (campaigns.usesIvr(businessId, id)) {
            throw new ConflictException("ivr.in-use", new Object[] {ivr.name()}, Map.of("id", id));
        }
        ivrs.delete(businessId, id);
    }

    /** The draft as it would be saved, or an {@code InvalidInputException} naming every broken rule by its path. */
    public Ivr validate(long businessId, IvrDraft draft, Long exceptId) {
        Violations violations = new Violations();
        String name = Names.check(draft.name(), violations);
        Set<String> results = classifications.list(businessId).stream().map(CallClassification::code)
                .collect(Collectors.toSet());
        List<IvrNode> nodes = IvrTreeRules.check(draft, id -> audio.exists(businessId, id), results, violations);
        if (!speech.canSpeak()) {
            refuseSpokenPrompts(nodes, violations);
        }
        violations.throwIfAny();
        if (ivrs.nameTaken(businessId, name, exceptId)) {
            throw new ConflictException("ivr.name.taken", name);
        }
        return new Ivr(exceptId == null ? 0 : exceptId, name, draft.root().strip(), nodes);
    }

    /** A prompt given as text is spoken; where the telephony cannot speak, each names its node. */
    private static void refuseSpokenPrompts(List<IvrNode> nodes, Violations violations) {
        for (int i = 0; i < nodes.size(); i++) {
            IvrNode node = nodes.get(i);
            violations.check(node == null || node.prompt() == null || node.audioId() != null,
                    "nodes[" + i + "].prompt", "ivr.prompt.cannot-speak");
        }
    }
}
