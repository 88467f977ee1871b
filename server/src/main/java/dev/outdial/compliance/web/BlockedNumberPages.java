package dev.outdial.compliance.web;

import dev.outdial.compliance.BlockKind;
import dev.outdial.compliance.BlockedNumber;
import dev.outdial.compliance.BlockedNumbers;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.PageRequest;
import dev.outdial.tabular.UploadLimit;
import dev.outdial.tabular.Uploads;
import dev.outdial.web.PageMessages;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The blacklist and DNC pages: one template for both lists, as they are alike. */
@Controller
class BlockedNumberPages {

    private static final String PAGE = "/compliance/" + ListPath.PATTERN;

    private final BlockedNumbers numbers;
    private final PageMessages messages;

    private final UploadLimit limit;

    BlockedNumberPages(BlockedNumbers numbers, PageMessages messages, UploadLimit limit) {
        this.limit = limit;
        this.numbers = numbers;
        this.messages = messages;
    }

    @GetMapping(PAGE)
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String list(@AuthenticationPrincipal CurrentUser me, @PathVariable String list,
                @RequestParam(required = false) String q, @RequestParam(required = false) String cursor, Model model) {
        BlockKind kind = ListPath.kind(list);
        model.addAttribute("list", list);
        model.addAttribute("kind", kind);
        model.addAttribute("q", q);
        model.addAttribute("cursor", cursor);
        model.addAttribute("page", numbers.list(me.businessId(), kind, q, PageRequest.of(cursor, null)));
        return "compliance/numbers";
    }

    @PostMapping(PAGE)
    @PreAuthorize("hasRole('ADMIN')")
    String add(@AuthenticationPrincipal CurrentUser me, @PathVariable String list, @RequestParam String number,
               @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            BlockedNumber added = numbers.add(me.businessId(), ListPath.kind(list), number, reason);
            redirect.addFlashAttribute("notice", messages.text("blocked.added", added.number()));
        } catch (InvalidInputException | ConflictException rejected) {
            redirect.addFlashAttribute("errors", messages.describe(rejected));
        }
        return "redirect:/compliance/" + list;
    }

    @PostMapping(PAGE + "/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String remove(@AuthenticationPrincipal CurrentUser me, @PathVariable String list, @PathVariable long id,
                  RedirectAttributes redirect) {
        numbers.remove(me.businessId(), ListPath.kind(list), id);
        redirect.addFlashAttribute("notice", messages.text("blocked.removed"));
        return "redirect:/compliance/" + list;
    }

    @PostMapping(PAGE + "/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importFile(@AuthenticationPrincipal CurrentUser me, @PathVariable String list,
                      @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("report", ImportReportJson.of(Uploads.onDisk(limit.checked(file),
                    path -> numbers.importFile(me.businessId(), ListPath.kind(list), path)), messages));
        } catch (InvalidInputException refused) {
            redirect.addFlashAttribute("errors", messages.describe(refused));
        }
        return "redirect:/compliance/" + list;
    }
}
