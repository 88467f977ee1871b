package dev.outdial.agent.web;

import dev.outdial.agent.AgentGroups;
import dev.outdial.agent.AgentPhone;
import dev.outdial.agent.AgentPhoneAccounts;
import dev.outdial.agent.UserAccount;
import dev.outdial.agent.UserAccounts;
import dev.outdial.agent.UserDraft;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.shared.Role;
import dev.outdial.web.PageMessages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's pages for users and agent groups (the API does the same under /api/v1). */
@Controller
class SettingsPages {

    private final UserAccounts users;
    private final AgentPhoneAccounts phones;
    private final AgentGroups groups;
    private final PageMessages messages;

    SettingsPages(UserAccounts users, AgentPhoneAccounts phones, AgentGroups groups, PageMessages messages) {
        this.users = users;
        this.phones = phones;
        this.groups = groups;
        this.messages = messages;
    }

    @GetMapping("/settings/users")
    String users(@AuthenticationPrincipal CurrentUser me, Model model) {
        List<UserAccount> all = users.list(me.businessId(), null);
        model.addAttribute("users", all);
        // Each agent's phone account, if any, and whether it is registered now.
        Map<Long, AgentPhone> agentPhones = new HashMap<>();
        all.stream().filter(user -> user.role() == Role.AGENT).forEach(agent ->
                phones.find(me.businessId(), agent.id()).ifPresent(phone -> agentPhones.put(agent.id(), phone)));
        model.addAttribute("phones", agentPhones);
        model.addAttribute("roles", List.of(Role.AGENT, Role.SUPERVISOR, Role.ADMIN));
        return "settings/users";
    }

    @PostMapping("/settings/users")
    String createUser(@AuthenticationPrincipal CurrentUser me, @RequestParam String email, @RequestParam String name,
                      @RequestParam String password, @RequestParam Role role, Model model, RedirectAttributes redirect) {
        try {
            UserAccount created = users.create(me.businessId(), new UserDraft(email, name, password, role, true));
            redirect.addFlashAttribute("notice", messages.text("users.created", created.email()));
            return "redirect:/settings/users";
        } catch (InvalidInputException | ConflictException rejected) {
            model.addAttribute("errors", messages.describe(rejected));
            model.addAttribute("draft", new UserDraft(email, name, null, role, true));
            return users(me, model);
        }
    }

    /** Gives the agent SIP credentials for their softphone (or new ones). */
    @PostMapping("/settings/users/{id}/phone")
    String setPhone(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam String sipUsername,
                    @RequestParam String sipPassword, Model model, RedirectAttributes redirect) {
        try {
            AgentPhone phone = phones.set(me.businessId(), id,
                    new AgentPhoneAccounts.PhoneCredentials(sipUsername, sipPassword));
            redirect.addFlashAttribute("notice", messages.text("users.phone.saved", phone.sipUsername()));
            return "redirect:/settings/users";
        } catch (InvalidInputException | ConflictException rejected) {
            model.addAttribute("errors", messages.describe(rejected));
            return users(me, model);
        }
    }

    @PostMapping("/settings/users/{id}/phone/delete")
    String removePhone(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        try {
            phones.remove(me.businessId(), id);
            redirect.addFlashAttribute("notice", messages.text("users.phone.removed"));
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("errors", messages.describe(refused));
        }
        return "redirect:/settings/users";
    }

    @PostMapping("/settings/users/{id}/enabled")
    String setEnabled(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @RequestParam boolean enabled,
                      RedirectAttributes redirect) {
        try {
            users.update(me.businessId(), id, new UserDraft(null, null, null, null, enabled));
        } catch (InvalidInputException | ConflictException rejected) {
            redirect.addFlashAttribute("errors", messages.describe(rejected));
        }
        return "redirect:/settings/users";
    }

    @PostMapping("/settings/users/{id}/delete")
    String deleteUser(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        try {
            users.delete(me.businessId(), me.id(), id);
            redirect.addFlashAttribute("notice", messages.text("users.deleted"));
        } catch (ConflictException rejected) {
            redirect.addFlashAttribute("errors", messages.describe(rejected));
        }
        return "redirect:/settings/users";
    }

    @GetMapping("/settings/agent-groups")
    String groups(@AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("groups", groups.list(me.businessId()));
        model.addAttribute("agents", users.list(me.businessId(), Role.AGENT));
        return "settings/agent-groups";
    }

    @PostMapping("/settings/agent-groups")
    String createGroup(@AuthenticationPrincipal CurrentUser me, @RequestParam String name,
                       @RequestParam(required = false) List<Long> agentIds, Model model, RedirectAttributes redirect) {
        try {
            groups.create(me.businessId(), name, agentIds);
            redirect.addFlashAttribute("notice", messages.text("groups.created", name.strip()));
            return "redirect:/settings/agent-groups";
        } catch (InvalidInputException | ConflictException rejected) {
            model.addAttribute("errors", messages.describe(rejected));
            return groups(me, model);
        }
    }

    @PostMapping("/settings/agent-groups/{id}/delete")
    String deleteGroup(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
        groups.delete(me.businessId(), id);
        return "redirect:/settings/agent-groups";
    }
}
