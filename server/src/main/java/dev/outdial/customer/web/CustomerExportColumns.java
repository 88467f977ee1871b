package dev.outdial.customer.web;

import dev.outdial.customer.CampaignCustomer;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.tabular.ExportColumn;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The customer list's columns as an export writes them (SPEC §4.3): the status under the manual's
 * label and each header ({@code export.customer.*}) in the request's language, the classification by name, and each custom field a column.
 */
final class CustomerExportColumns {

    private CustomerExportColumns() {
    }

    static List<ExportColumn<CampaignCustomer>> of(Function<String, String> header, Map<CustomerStatus, String> statusLabels,
                                                   Map<Long, String> classifications, Collection<String> fields) {
        List<ExportColumn<CampaignCustomer>> columns = new ArrayList<>(List.of(
                ExportColumn.of(header.apply("id"), CampaignCustomer::id),
                ExportColumn.of(header.apply("name"), CampaignCustomer::name),
                ExportColumn.of(header.apply("campaign-id"), CampaignCustomer::campaignId),
                ExportColumn.of(header.apply("campaign"), CampaignCustomer::campaignName),
                ExportColumn.of(header.apply("phone"), customer -> customer.phones().getFirst()),
                ExportColumn.of(header.apply("other-phones"), customer ->
                        String.join(", ", customer.phones().subList(1, customer.phones().size()))),
                ExportColumn.of(header.apply("added-at"), CampaignCustomer::addedAt),
                ExportColumn.of(header.apply("time-to-call"), CampaignCustomer::nextAttemptAt),
                ExportColumn.of(header.apply("account-manager-id"), CampaignCustomer::accountManagerId),
                ExportColumn.of(header.apply("account-manager"), CampaignCustomer::accountManagerName),
                ExportColumn.of(header.apply("status"), customer -> statusLabels.get(customer.status())),
                ExportColumn.of(header.apply("attempts"), CampaignCustomer::attempts),
                ExportColumn.of(header.apply("total-attempts"), CampaignCustomer::totalAttempts),
                ExportColumn.of(header.apply("last-result"), CampaignCustomer::lastResult),
                ExportColumn.of(header.apply("classification"), customer -> customer.classificationId() == null ? null
                        : classifications.getOrDefault(customer.classificationId(),
                                String.valueOf(customer.classificationId()))),
                ExportColumn.of(header.apply("external-id"), CampaignCustomer::externalId),
                ExportColumn.of(header.apply("email"), CampaignCustomer::email)));
        for (String field : fields) {
            columns.add(ExportColumn.of(field, customer -> customer.fields().get(field)));
        }
        return columns;
    }
}
