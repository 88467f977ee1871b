package dev.outdial.business.web;

import dev.outdial.business.Business;
import dev.outdial.business.BusinessDraft;
import dev.outdial.business.Businesses;
import dev.outdial.shared.CurrentUser;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /businesses} is the operator's: create and manage tenants. {@code /business} is a
 * business user's view of their own; the contract's call limit stays the operator's to change.
 */
@RestController
class BusinessController {

    private final Businesses businesses;

    BusinessController(Businesses businesses) {
        this.businesses = businesses;
    }

    record CreateBusiness(String name, String timeZone, String defaultCountry, Integer concurrentCallLimit,
                          Businesses.FirstAdmin admin) {
    }

    record CreatedBusiness(long id, String name, String timeZone, String defaultCountry, int concurrentCallLimit,
                           long adminId) {
    }

    record OwnBusinessChange(String name, String timeZone, String defaultCountry) {
    }

    @PostMapping("/api/v1/businesses")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('OPERATOR')")
    CreatedBusiness create(@RequestBody CreateBusiness request) {
        Businesses.Created created = businesses.create(
                new BusinessDraft(request.name(), request.timeZone(), request.defaultCountry(), request.concurrentCallLimit()),
                request.admin());
        Business business = created.business();
        return new CreatedBusiness(business.id(), business.name(), business.timeZone().getId(),
                business.defaultCountry(), business.concurrentCallLimit(), created.adminId());
    }

    @GetMapping("/api/v1/businesses")
    @PreAuthorize("hasRole('OPERATOR')")
    List<Business> list() {
        return businesses.list();
    }

    @GetMapping("/api/v1/businesses/{id}")
    @PreAuthorize("hasRole('OPERATOR')")
    Business get(@PathVariable long id) {
        return businesses.get(id);
    }

    @PutMapping("/api/v1/businesses/{id}")
    @PreAuthorize("hasRole('OPERATOR')")
    Business update(@PathVariable long id, @RequestBody BusinessDraft changes) {
        return businesses.update(id, changes);
    }

    @GetMapping("/api/v1/business")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')")
    Business own(@AuthenticationPrincipal CurrentUser me) {
        return businesses.get(me.businessId());
    }

    @PutMapping("/api/v1/business")
    @PreAuthorize("hasRole('ADMIN')")
    Business updateOwn(@AuthenticationPrincipal CurrentUser me, @RequestBody OwnBusinessChange changes) {
        return businesses.update(me.businessId(),
                new BusinessDraft(changes.name(), changes.timeZone(), changes.defaultCountry(), null));
    }
}
