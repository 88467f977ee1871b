package dev.outdial.call.web;

import dev.outdial.call.CallRecordings;
import dev.outdial.shared.RecordingAudio;
import dev.outdial.shared.RecordingQuery;
import dev.outdial.call.RecordingView;
import dev.outdial.shared.CurrentUser;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Call recordings under the API, for the business's admins and supervisors (quality review, disputes): a campaign's
 * recordings, and one call's as a two-channel WAV (left the customer, right what they heard). Also the campaign
 * page's links (the same paths without {@code /api/v1}).
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class RecordingController {

    private static final MediaType WAV = MediaType.parseMediaType("audio/wav");

    private final CallRecordings recordings;

    RecordingController(CallRecordings recordings) {
        this.recordings = recordings;
    }

    /**
     * The campaign's recordings, newest first: of one agent, of the days {@code from}–{@code to} (the business's
     * clock), of one number, at most {@code limit} (500) after the call {@code before} (the last of the page before).
     */
    @GetMapping("/api/v1/campaigns/{campaignId}/recordings")
    List<RecordingView> ofCampaign(@AuthenticationPrincipal CurrentUser me, @PathVariable long campaignId,
                                   @ParameterObject RecordingQuery.Asked asked) {
        return recordings.ofCampaign(me.businessId(), campaignId, asked);
    }

    /**
     * Deletes one recording, admins only: a customer asked for their data to be erased, or a card number was recorded
     * because the agent did not pause.
     */
    @DeleteMapping("/api/v1/calls/{callId}/recording")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId) {
        recordings.delete(me.businessId(), me.id(), callId);
    }

    /** The Recordings panel's delete (a form: the page asks first); its row is replaced by nothing. */
    @PostMapping(value = "/calls/{callId}/recording/delete", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    String deleteFromPage(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId) {
        recordings.delete(me.businessId(), me.id(), callId);
        return "";
    }

    /** The WAV, whole or the byte ranges asked for ({@code Range}: 206, so a player can seek). */
    @GetMapping({"/api/v1/calls/{callId}/recording", "/calls/{callId}/recording"})
    ResponseEntity<Resource> audio(@AuthenticationPrincipal CurrentUser me, @PathVariable String callId) {
        RecordingAudio wav = recordings.audio(me.businessId(), callId);
        return ResponseEntity.ok().contentType(WAV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(wav.getFilename()).build().toString())
                .body(wav);
    }
}
