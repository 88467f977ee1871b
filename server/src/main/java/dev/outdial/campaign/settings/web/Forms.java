package dev.outdial.campaign.settings.web;

import dev.outdial.shared.ConflictException;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.web.PageMessages;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Post-redirect-get for the settings pages: a change that succeeds redirects with its notice, one
 * the rules reject shows the reasons in the user's language, exactly as the API would say them.
 */
@Component
class Forms {

    private final PageMessages messages;

    Forms(PageMessages messages) {
        this.messages = messages;
    }

    /** A form's submission: when rejected, the same page again with what was typed ({@code showAgain}). */
    String submit(Supplier<String> change, String redirectTo, RedirectAttributes redirect, Model model,
                  Supplier<String> showAgain) {
        try {
            redirect.addFlashAttribute("notice", change.get());
            return "redirect:" + redirectTo;
        } catch (InvalidInputException | ConflictException rejected) {
            model.addAttribute("errors", messages.describe(rejected));
            return showAgain.get();
        }
    }

    /** A button on a list (delete, enable): nothing was typed, so the reasons go back to the list. */
    String act(Supplier<String> change, String redirectTo, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("notice", change.get());
        } catch (InvalidInputException | ConflictException rejected) {
            redirect.addFlashAttribute("errors", messages.describe(rejected));
        }
        return "redirect:" + redirectTo;
    }

    String text(String key, Object... args) {
        return messages.text(key, args);
    }
}
