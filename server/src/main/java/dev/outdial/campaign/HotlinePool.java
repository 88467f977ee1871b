package dev.outdial.campaign;

import dev.outdial.campaign.settings.Hotline;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The hotlines a campaign's calls may go out on (SPEC §2, §4.1), as its settings name them: its own
 * list in the order chosen (every dial type but a rotating autocall campaign), any of a group, or
 * any of the business. Only enabled hotlines are called from; the dialer and the campaign's
 * follower of hotline edits read it the same way.
 *
 * @param rotation       autocall's rotation; null for the other dial types (their list in turn)
 * @param hotlineIds     the campaign's own hotlines, in order (none for a rotation over a group or all)
 * @param hotlineGroupId the group of a RANDOM_GROUP rotation
 */
public record HotlinePool(HotlineRotation rotation, List<Long> hotlineIds, Long hotlineGroupId) {

    public HotlinePool {
        hotlineIds = List.copyOf(hotlineIds);
    }

    public static HotlinePool of(CampaignDefinition settings) {
        return new HotlinePool(settings.hotlineRotation(), settings.hotlineIds(), settings.hotlineGroupId());
    }

    /** The numbers (E.164) to call from, of the business's hotlines {@code ofBusiness}: none while none is enabled. */
    public List<String> numbers(List<Hotline> ofBusiness) {
        List<Hotline> pool = switch (rotation == null ? HotlineRotation.SINGLE : rotation) {
            case SINGLE -> {
                Map<Long, Hotline> byId = ofBusiness.stream()
                        .collect(Collectors.toMap(Hotline::id, Function.identity()));
                yield hotlineIds.stream().map(id -> Optional.ofNullable(byId.get(id))).flatMap(Optional::stream)
                        .toList();
            }
            case RANDOM_GROUP -> ofBusiness.stream()
                    .filter(hotline -> Objects.equals(hotline.groupId(), hotlineGroupId)).toList();
            case ALL -> ofBusiness;
        };
        return pool.stream().filter(Hotline::enabled).map(Hotline::number).toList();
    }
}
