package dev.outdial.dialing;

import dev.outdial.dialing.internal.SimTelephonyProperties;
import dev.outdial.engine.sim.SimulatedCarrier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The simulated carrier's rules for a test class's calls, set on the running carrier before its
 * tests: {@code outdial.telephony.sim.*} settings without the prefix ({@code "talk-time=30s"}),
 * over those its application started with. Test classes whose carriers differ only so share one
 * application instead of starting one each; every class of such an application carries this
 * annotation (through {@link ShortSimulatedCalls}), so each sets the rules it counts on, whichever
 * class ran before it. Checked as the application checks them: a wrong value fails the class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(CarrierRules.Apply.class)
@interface CarrierRules {

    /** {@code name=value} pairs of {@code outdial.telephony.sim.*}, e.g. {@code "rules.0004=BUSY"}. */
    String[] value() default {};

    final class Apply implements BeforeAllCallback {

        private static final String PREFIX = "outdial.telephony.sim";

        @Override
        public void beforeAll(ExtensionContext context) {
            String[] rules = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), CarrierRules.class)
                    .map(CarrierRules::value).orElse(new String[0]);
            ApplicationContext application = SpringExtension.getApplicationContext(context);
            SimTelephonyProperties sim = bind(rules, application);
            SimulatedCarrier carrier = application.getBean(SimulatedCarrier.class);
            // Calls placed from now on behave so, on every lane of the engine.
            carrier.changeModel(sim.model());
            carrier.keyPresses(sim.keyPresses());
            carrier.hotlineRules(sim.hotlineOutcomes());
        }

        private static SimTelephonyProperties bind(String[] rules, ApplicationContext application) {
            Map<String, String> given = new LinkedHashMap<>();
            for (String rule : rules) {
                int equals = rule.indexOf('=');
                if (equals < 1) {
                    throw new IllegalArgumentException("a carrier rule is name=value, not '" + rule + "'");
                }
                given.put(PREFIX + "." + rule.substring(0, equals).strip(), rule.substring(equals + 1).strip());
            }
            List<ConfigurationPropertySource> sources = new ArrayList<>();
            sources.add(new MapConfigurationPropertySource(given));
            ConfigurationPropertySources.get(application.getEnvironment()).forEach(sources::add);
            return new Binder(sources).bindOrCreate(PREFIX, SimTelephonyProperties.class);
        }
    }
}
