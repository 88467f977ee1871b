package dev.outdial.campaign.settings;

import dev.outdial.shared.ConflictException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Refuses to delete a settings object any {@link SettingUsage} still needs: a campaign left
 * without its hotline, schedule or script would dial wrongly or not at all.
 */
@Component
class UsageGuard {

    private final List<SettingUsage> usages;

    /** No usage at all is fine: until campaigns exist, nothing is in use. */
    UsageGuard(List<SettingUsage> usages) {
        this.usages = List.copyOf(usages);
    }

    void refuseDeletionInUse(long businessId, SettingKind kind, long id) {
        if (usages.stream().anyMatch(usage -> usage.inUse(businessId, kind, id))) {
            throw new ConflictException("setting.in-use." + kind.name(), new Object[] {id},
                    Map.of("kind", kind.name(), "id", id));
        }
    }
}
