package dev.outdial.customer.web;

import dev.outdial.campaign.settings.CallClassifications;
import dev.outdial.customer.CampaignCustomer;
import dev.outdial.customer.CampaignCustomers;
import dev.outdial.customer.CustomerFilter;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.shared.BusinessTimeZones;
import dev.outdial.shared.CurrentUser;
import dev.outdial.tabular.Export;
import dev.outdial.tabular.ExportFormat;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The customers a list's filters choose, every column, as CSV or .xlsx, streamed: for the API and
 * for the pages' export buttons alike. Custom fields become columns after a first pass that
 * collects their names only.
 */
@Component
class CustomerExports {

    private final CampaignCustomers customers;
    private final CallClassifications classifications;
    private final BusinessTimeZones zones;
    private final MessageSource messages;

    CustomerExports(CampaignCustomers customers, CallClassifications classifications, BusinessTimeZones zones,
                    MessageSource messages) {
        this.customers = customers;
        this.classifications = classifications;
        this.zones = zones;
        this.messages = messages;
    }

    ResponseEntity<StreamingResponseBody> export(CurrentUser me, String format, CustomerFilter filter) {
        ExportFormat chosen = ExportFormat.of(format);
        Export.Rows<CampaignCustomer> rows = customers.export(me.businessId(), filter);
        Locale locale = LocaleContextHolder.getLocale();
        Map<CustomerStatus, String> labels = new EnumMap<>(CustomerStatus.class);
        for (CustomerStatus status : CustomerStatus.values()) {
            labels.put(status, messages.getMessage("customer-status." + status, null, status.name(), locale));
        }
        Function<String, String> header = key -> messages.getMessage("export.customer." + key, null, key, locale);
        Map<Long, String> names = new HashMap<>();
        classifications.list(me.businessId()).forEach(classification -> names.put(classification.id(),
                classification.name()));
        String name = "customers" + (filter.campaignId() == null ? "" : "-" + filter.campaignId());
        return Export.of(chosen, name, zones.zoneOf(me.businessId()), () -> {
            Set<String> fields = new TreeSet<>();
            rows.forEach(customer -> fields.addAll(customer.fields().keySet()));
            return CustomerExportColumns.of(header, labels, names, fields);
        }, rows);
    }
}
