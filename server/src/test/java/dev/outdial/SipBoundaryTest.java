package dev.outdial;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The SIP adapter keeps SIP and RTP to itself (ARCHITECTURE §3): only {@code dev.outdial.sip..}
 * imports JAIN-SIP, and nothing outside it handles media legs, RTP or prompt audio: the application
 * uses the adapter's public package only.
 */
class SipBoundaryTest {

    private static final JavaClasses OUTDIAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.outdial");

    @Test
    void onlyTheSipAdapterImportsJainSip() {
        noClasses().that().resideOutsideOfPackage("dev.outdial.sip..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.sip..", "gov.nist..")
                .check(OUTDIAL);
    }

    @Test
    void nothingOutsideTheSipAdapterTouchesRtp() {
        noClasses().that().resideOutsideOfPackage("dev.outdial.sip..")
                .should().dependOnClassesThat().resideInAPackage("dev.outdial.sip.media..")
                .check(OUTDIAL);
    }
}
