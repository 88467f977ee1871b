package dev.outdial.inbound.web;

import dev.outdial.inbound.InboundCallView;
import dev.outdial.inbound.InboundCalls;
import dev.outdial.inbound.InboundQueue;
import dev.outdial.inbound.InboundQueues;
import dev.outdial.inbound.InboundRecordings;
import dev.outdial.inbound.QueueDraft;
import dev.outdial.media.AudioFile;
import dev.outdial.media.AudioFiles;
import dev.outdial.shared.CallAudio;
import dev.outdial.shared.ConflictException;
import dev.outdial.shared.CurrentUser;
import dev.outdial.shared.InvalidInputException;
import dev.outdial.web.PageMessages;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's inbound queues page (Settings): the queues with their Auto Callback settings, a form
 * to add or edit one, delete, and a queue's recent calls with a player for each recorded one.
 */
@Controller
@RequestMapping("/settings/queues")
class QueuePages {

    private static final String PAGE = "/settings/queues";

    private final InboundQueues queues;
    private final InboundCalls calls;
    private final InboundRecordings recordings;
    private final AudioFiles audio;
    private final PageMessages messages;
    private final CallAudio callAudio;

    QueuePages(InboundQueues queues, InboundCalls calls, InboundRecordings recordings, AudioFiles audio,
               PageMessages messages, CallAudio callAudio) {
        this.queues = queues;
        this.calls = calls;
        this.recordings = recordings;
        this.audio = audio;
        this.messages = messages;
        this.callAudio = callAudio;
    }

    @GetMapping
    String page(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) Long edit,
                @RequestParam(required = false) Long calls, Model model) {
        model.addAttribute("queues", queues.list(me.businessId()));
        List<AudioFile> files = audio.list(me.businessId());
        model.addAttribute("audioFiles", files);
        model.addAttribute("audioNames", files.stream().collect(Collectors.toMap(AudioFile::id, AudioFile::name)));
        if (!model.containsAttribute("draft")) {
            InboundQueue editing = edit == null ? null : queues.get(me.businessId(), edit);
            model.addAttribute("editing", editing == null ? null : editing.id());
            model.addAttribute("draft", editing == null
                    ? new QueueDraft("", "1", 20, 60, null, null, true, false, null, List.of())
                    : new QueueDraft(editing.name(), editing.callbackKey(), editing.minSecondsBeforeCallback(),
                    editing.maxWaitSeconds(), editing.notificationAudioId(), editing.waitingMusicAudioId(),
                    editing.ticketsForMissedCalls(), editing.recordCalls(), editing.recordingRetentionDays(),
                    editing.numbers()));
        }
        List<String> numbers = ((QueueDraft) model.getAttribute("draft")).numbers();
        model.addAttribute("numbersText", numbers == null ? "" : String.join("\n", numbers));
        if (calls != null) {
            model.addAttribute("callsOf", queues.get(me.businessId(), calls));
            List<InboundCallView> recent = this.calls.ofQueue(me.businessId(), calls);
            model.addAttribute("calls", recent);
            model.addAttribute("recorded", recordings.recordedAmong(me.businessId(),
                    recent.stream().map(InboundCallView::id).toList()));
            // A call being taken may be listened in on, with real calls (ListeningInPages answers the button).
            model.addAttribute("listenable", callAudio.heard());
        }
        return "settings/queues";
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser me, QueueForm form, Model model, RedirectAttributes redirect) {
        return save(me, null, form, model, redirect);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, QueueForm form, Model model,
                  RedirectAttributes redirect) {
        return save(me, id, form, model, redirect);
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
        try {
            queues.delete(me.businessId(), id);
            redirect.addFlashAttribute("notice", messages.text("queues.deleted"));
        } catch (InvalidInputException | ConflictException rejected) {
            redirect.addFlashAttribute("errors", messages.describe(rejected));
        }
        return "redirect:" + PAGE;
    }

    private String save(CurrentUser me, Long id, QueueForm form, Model model, RedirectAttributes redirect) {
        QueueDraft draft = form.draft();
        try {
            InboundQueue saved = id == null ? queues.create(me.businessId(), draft)
                    : queues.update(me.businessId(), id, draft);
            redirect.addFlashAttribute("notice", messages.text("queues.saved", saved.name()));
            return "redirect:" + PAGE;
        } catch (InvalidInputException | ConflictException rejected) {
            model.addAttribute("errors", messages.describe(rejected));
            model.addAttribute("draft", draft);
            model.addAttribute("editing", id);
            return page(me, null, null, model);
        }
    }

    /**
     * The form as typed; an empty number or audio is no value. The phone numbers are one text, a
     * number a line or separated by commas or semicolons; blank entries are no number.
     */
    record QueueForm(String name, String callbackKey, Integer minSecondsBeforeCallback, Integer maxWaitSeconds,
                     Long notificationAudioId, Long waitingMusicAudioId, Boolean ticketsForMissedCalls,
                     Boolean recordCalls, Integer recordingRetentionDays, String numbers) {

        private static final Pattern SEPARATORS = Pattern.compile("[,;\\r\\n]+");

        QueueDraft draft() {
            return new QueueDraft(name, callbackKey, minSecondsBeforeCallback, maxWaitSeconds, notificationAudioId,
                    waitingMusicAudioId, Boolean.TRUE.equals(ticketsForMissedCalls), Boolean.TRUE.equals(recordCalls),
                    recordingRetentionDays, numbers == null ? List.of()
                    : Arrays.stream(SEPARATORS.split(numbers)).map(String::strip).filter(n -> !n.isEmpty()).toList());
        }
    }
}
