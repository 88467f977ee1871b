package dev.outdial.customer.web;

import dev.outdial.customer.CampaignCustomer;
import dev.outdial.customer.CampaignCustomers;
import dev.outdial.customer.ContactSource;
import dev.outdial.customer.CustomerFilter;
import dev.outdial.customer.CustomerGroupCount;
import dev.outdial.customer.CustomerImports;
import dev.outdial.customer.ImportJob;
import dev.outdial.customer.NewCustomer;
import dev.outdial.engine.customer.CustomerStatus;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.Page;
import dev.outdial.shared.PageRequest;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Customers of campaigns under the API: add, import a file, list and search, pause, start, delete.
 * Admins and supervisors manage customers (SPEC §1).
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class CampaignCustomerController {

    private final CampaignCustomers customers;
    private final CustomerImports imports;
    private final CustomerExports exports;

    CampaignCustomerController(CampaignCustomers customers, CustomerImports imports, CustomerExports exports) {
        this.customers = customers;
        this.imports = imports;
        this.exports = exports;
    }

    /** Exactly one source: customers typed in, contacts chosen, a customer group or a contact filter. */
    record AddCustomers(List<NewCustomer> customers, List<Long> contactIds, Long groupId, Long filterId) {

        int sourcesGiven() {
            return (customers != null && !customers.isEmpty() ? 1 : 0) + (contactIds != null && !contactIds.isEmpty() ? 1 : 0)
                    + (groupId != null ? 1 : 0) + (filterId != null ? 1 : 0);
        }
    }

    @PostMapping("/api/v1/campaigns/{campaignId}/customers")
    @ResponseStatus(HttpStatus.CREATED)
    ImportJob add(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId,
                  @RequestBody AddCustomers request) {
        if (request.sourcesGiven() != 1) {
            throw new InvalidInputException("customers", "customer.add.one-source");
        }
        if (request.customers() != null && !request.customers().isEmpty()) {
            return customers.add(me.businessId(), me.id(), campaignId, request.customers());
        }
        ContactSource source = request.groupId() != null ? new ContactSource.Group(request.groupId())
                : request.filterId() != null ? new ContactSource.Filter(request.filterId())
                : new ContactSource.Chosen(request.contactIds());
        return customers.addContacts(me.businessId(), me.id(), campaignId, source);
    }

    @PostMapping(path = "/api/v1/campaigns/{campaignId}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    ImportJob importFile(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId,
                         @RequestPart(name = "file", required = false) MultipartFile file) {
        return imports.start(me.businessId(), me.id(), campaignId, file);
    }

    @GetMapping("/api/v1/imports/{id}")
    ImportJob job(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        return customers.job(me.businessId(), id);
    }

    /** Also the pages' "Template" link (same path without {@code /api/v1}), which a page session can follow. */
    @GetMapping({"/api/v1/imports/template.xlsx", "/imports/template.xlsx"})
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"outdial-customers-template.xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(imports.template());
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/customers")
    Page<CampaignCustomer> listOfCampaign(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId,
                                          @ParameterObject ListQuery query) {
        return customers.list(me.businessId(), query.filter(campaignId), query.page(), query.ascending());
    }

    /**
     * The campaign's customers that the list's filters choose, every column, as CSV or .xlsx,
     * streamed. Also the campaign page's export button (same path without {@code /api/v1}).
     */
    @GetMapping({"/api/v1/campaigns/{campaignId}/customers/export", "/campaigns/{campaignId}/customers/export"})
    ResponseEntity<StreamingResponseBody> export(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId,
                                                 @RequestParam(required = false) String format,
                                                 @ParameterObject ListQuery query) {
        return exports.export(me, format, query.filter(campaignId));
    }

    record GroupView(List<CustomerGroupCount> groups) {
    }

    /** The list "by customer group" of the manual: counts per source group, each a filter of the list. */
    @GetMapping("/api/v1/campaigns/{campaignId}/customer-groups")
    GroupView listCampaignCustomerGroups(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId) {
        return new GroupView(customers.countByGroup(me.businessId(), campaignId));
    }

    /**
     * The same under its first address, kept working for clients that use it; undocumented, since
     * one path with two response shapes is what generated clients cannot read.
     */
    @Hidden
    @GetMapping(path = "/api/v1/campaigns/{campaignId}/customers", params = "groupBy=group")
    GroupView byGroup(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId) {
        return listCampaignCustomerGroups(me, campaignId);
    }

    @GetMapping("/api/v1/customers")
    Page<CampaignCustomer> listOfBusiness(@AuthenticationPrincipal CurrentUser me, @ParameterObject ListQuery query) {
        return customers.list(me.businessId(), query.filter(query.campaignId()), query.page(), query.ascending());
    }

    @GetMapping("/api/v1/campaigns/{campaignId}/customers/{customerId}")
    CampaignCustomer get(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId,
                         @PathVariable long customerId) {
        return customers.get(me.businessId(), campaignId, customerId);
    }

    @PostMapping("/api/v1/campaigns/{campaignId}/customers/{customerId}/pause")
    CampaignCustomer pause(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId,
                           @PathVariable long customerId) {
        return customers.pause(me.businessId(), campaignId, customerId);
    }

    @PostMapping("/api/v1/campaigns/{campaignId}/customers/{customerId}/start")
    CampaignCustomer start(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId,
                           @PathVariable long customerId) {
        return customers.start(me.businessId(), campaignId, customerId);
    }

    @DeleteMapping("/api/v1/campaigns/{campaignId}/customers/{customerId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId, @PathVariable long customerId) {
        customers.delete(me.businessId(), campaignId, customerId);
    }

    /**
     * The list's query parameters: {@code status} may repeat or hold several values separated by
     * commas; {@code sort} is {@code added} (oldest first) or {@code -added} (newest first, the default).
     */
    record ListQuery(Long campaignId, String campaignName, String name, String phone, List<String> status,
                     Instant addedFrom, Instant addedTo, Long accountManagerId, Long groupId, String sort,
                     String cursor, Integer limit) {

        CustomerFilter filter(Long campaign) {
            return new CustomerFilter(campaign, campaignName, name, phone, statuses(), addedFrom, addedTo,
                    accountManagerId, groupId);
        }

        PageRequest page() {
            return PageRequest.of(cursor, limit);
        }

        boolean ascending() {
            if (sort == null || sort.isBlank() || sort.equals("-added")) {
                return false;
            }
            if (sort.equals("added")) {
                return true;
            }
            throw new InvalidInputException("sort", "customer.sort.unknown", sort);
        }

        private Set<CustomerStatus> statuses() {
            Set<CustomerStatus> statuses = EnumSet.noneOf(CustomerStatus.class);
            for (String value : status == null ? List.<String>of() : status) {
                for (String part : value.split(",")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    try {
                        statuses.add(CustomerStatus.valueOf(part.strip().toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException unknown) {
                        throw new InvalidInputException("status", "validation.not-one-of", part.strip(),
                                List.of(CustomerStatus.values()).toString());
                    }
                }
            }
            return statuses;
        }
    }
}
