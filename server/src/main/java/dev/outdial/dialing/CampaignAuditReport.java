package dev.outdial.dialing;

import java.time.Instant;
import java.util.List;

/**
 * A campaign's call records checked against the compliance rules (issue 18): per rule, how many
 * violations and the first few, described; and the rules this audit does not check yet.
 *
 * @param calls       call records checked
 * @param violations  all rules' violations together: 0 is a clean campaign
 */
public record CampaignAuditReport(long campaignId, Instant at, int calls, int violations, List<RuleCheck> rules,
                                  List<String> notChecked) {

    /** One rule: its violations and up to {@link #EXAMPLES} of them. */
    public record RuleCheck(String rule, String description, int violations, List<String> examples) {
    }

    public static final int EXAMPLES = 5;
}
