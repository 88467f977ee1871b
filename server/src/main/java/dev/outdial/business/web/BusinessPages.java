package dev.outdial.business.web;

import dev.outdial.business.BusinessDraft;
import dev.outdial.business.Businesses;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.web.PageMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's page: the businesses on the platform and a form to add one with its first admin. */
@Controller
class BusinessPages {

    private final Businesses businesses;
    private final PageMessages messages;

    BusinessPages(Businesses businesses, PageMessages messages) {
        this.businesses = businesses;
        this.messages = messages;
    }

    @GetMapping("/operator/businesses")
    String list(Model model) {
        model.addAttribute("businesses", businesses.list());
        return "operator/businesses";
    }

    @PostMapping("/operator/businesses")
    String create(@RequestParam String name, @RequestParam String timeZone, @RequestParam String defaultCountry,
                  @RequestParam(required = false) Integer concurrentCallLimit, @RequestParam String adminEmail,
                  @RequestParam String adminName, @RequestParam String adminPassword, Model model,
                  RedirectAttributes redirect) {
        try {
            businesses.create(new BusinessDraft(name, timeZone, defaultCountry, concurrentCallLimit),
                    new Businesses.FirstAdmin(adminEmail, adminPassword, adminName));
            redirect.addFlashAttribute("notice", messages.text("businesses.created", name.strip()));
            return "redirect:/operator/businesses";
        } catch (InvalidInputException | ConflictException rejected) {
            model.addAttribute("errors", messages.describe(rejected));
            return list(model);
        }
    }
}
