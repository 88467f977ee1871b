package dev.outdial.customer.web;

import dev.outdial.customer.CampaignCustomer;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.tabular.ExportColumn;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The customer list's columns as an export writes them (SPEC §4.3): the status under the manual's
 * label in the request's language, the classification by name, and each custom field a column.
 */
final class CustomerExportColumns {

    private CustomerExportColumns() {
    }

    static List<ExportColumn<CampaignCustomer>> of(Map<CustomerStatus, String> statusLabels,
                                                   Map<Long, String> classifications, Collection<String> fields) {
        List<ExportColumn<CampaignCustomer>> columns = new ArrayList<>(List.of(
                ExportColumn.of("Customer ID", CampaignCustomer::id),
                ExportColumn.of("Name", CampaignCustomer::name),
                ExportColumn.of("Campaign ID", CampaignCustomer::campaignId),
                ExportColumn.of("Campaign", CampaignCustomer::campaignName),
                ExportColumn.of("Phone", customer -> customer.phones().getFirst()),
                ExportColumn.of("Other phones", customer ->
                        String.join(", ", customer.phones().subList(1, customer.phones().size()))),
                ExportColumn.of("Added at", CampaignCustomer::addedAt),
                ExportColumn.of("Time to call", CampaignCustomer::nextAttemptAt),
                ExportColumn.of("Account manager ID", CampaignCustomer::accountManagerId),
                ExportColumn.of("Account manager", CampaignCustomer::accountManagerName),
                ExportColumn.of("Status", customer -> statusLabels.get(customer.status())),
                ExportColumn.of("Attempts", CampaignCustomer::attempts),
                ExportColumn.of("Total attempts", CampaignCustomer::totalAttempts),
                ExportColumn.of("Last result", CampaignCustomer::lastResult),
                ExportColumn.of("Classification", customer -> customer.classificationId() == null ? null
                        : classifications.getOrDefault(customer.classificationId(),
                                String.valueOf(customer.classificationId()))),
                ExportColumn.of("External ID", CampaignCustomer::externalId),
                ExportColumn.of("Email", CampaignCustomer::email)));
        for (String field : fields) {
            columns.add(ExportColumn.of(field, customer -> customer.fields().get(field)));
        }
        return columns;
    }
}
