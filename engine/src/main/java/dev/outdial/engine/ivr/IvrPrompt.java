package dev.outdial.engine.ivr;

/** A node's prompt, as the media server plays it: text to speak or one of the business's audio files. */
public record IvrPrompt(String nodeId, String text, Long audioId) {

    static IvrPrompt of(IvrNode node) {
        return new IvrPrompt(node.id(), node.prompt(), node.audioId());
    }
}
