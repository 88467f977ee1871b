package dev.outdial.campaign.settings;

import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A classification's name as a page shows it ({@code ${@classificationLabels.of(c)}}): a built-in one
 * still under the name it came with is said in the reader's language ("Reached" is "Liên lạc được"
 * in Vietnamese); a name the business chose is shown as they wrote it.
 */
@Component("classificationLabels")
public class ClassificationLabels {

    private final MessageSource messages;

    ClassificationLabels(MessageSource messages) {
        this.messages = messages;
    }

    public String of(CallClassification classification) {
        if (!classification.builtIn() || !CallClassifications.isDefaultName(classification.code(), classification.name())) {
            return classification.name();
        }
        return messages.getMessage("classification.default." + classification.code(), null, classification.name(),
                LocaleContextHolder.getLocale());
    }

    /** The label of the classification {@code id} among {@code classifications}; empty when it is not one of them. */
    public String of(Long id, List<CallClassification> classifications) {
        return classifications.stream().filter(classification -> id != null && classification.id() == id)
                .map(this::of).findFirst().orElse("");
    }
}
