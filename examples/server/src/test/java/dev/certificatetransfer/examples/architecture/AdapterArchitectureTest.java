package dev.certificatetransfer.examples.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The architecture across every module, seen from {@code examples}, which has them all on its class path: adapters
 * never depend on one another, and a class that implements one of core's ports is named
 * {@code <Technology><Port>} (such as {@code JdbcCertificateRepository}), so a reader knows what it plugs in.
 */
class AdapterArchitectureTest {

    private static final String PORTS = "dev.certificatetransfer.port.out";

    /** An adapter package's classes that implement a port start with its technology. */
    private static final Map<String, String> PACKAGE_TECHNOLOGY = Map.of(
            "dev.certificatetransfer.adapter.memory", "InMemory",
            "dev.certificatetransfer.adapter.jdbc", "Jdbc",
            "dev.certificatetransfer.adapter.http", "Http",
            "dev.certificatetransfer.adapter.ca", "BouncyCastle");

    /** Prefixes that name no technology. */
    private static final Set<String> GENERIC = Set.of(
            "Default",
            "Simple",
            "Basic",
            "Base",
            "Abstract",
            "Generic",
            "Standard",
            "My",
            "Impl",
            "Custom",
            "Main",
            "New",
            "Other",
            "Test",
            "Fake",
            "Dummy");

    private static final JavaClasses MAIN_CODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.certificatetransfer");

    @Test
    void adapters_do_not_depend_on_each_other() {
        ArchRule rule = slices().matching("dev.certificatetransfer.adapter.(*)..")
                .should()
                .notDependOnEachOther()
                .because("each adapter plugs into core alone, so a host takes only the ones it needs");

        rule.check(MAIN_CODE);
    }

    @Test
    void the_adapters_are_all_on_the_class_path_this_test_sees() {
        ArchRule rule = ArchRuleDefinition.classes()
                .that()
                .haveSimpleName("JdbcCertificateRepository")
                .or()
                .haveSimpleName("InMemoryCertificateRepository")
                .or()
                .haveSimpleName("CertificateTransferServer")
                .should()
                .bePublic()
                .allowEmptyShould(false);

        rule.check(MAIN_CODE);
    }

    @Test
    void every_class_implementing_a_core_port_is_named_after_its_technology() {
        ArchRule rule = ArchRuleDefinition.classes()
                .that(implementACorePort())
                .and()
                .areNotAnonymousClasses()
                .and()
                .areNotInterfaces()
                .should(beNamedTechnologyThenPort())
                .allowEmptyShould(false);

        rule.check(MAIN_CODE);
    }

    private static DescribedPredicate<JavaClass> implementACorePort() {
        return DescribedPredicate.describe(
                "implement one of core's ports", type -> !ports(type).isEmpty());
    }

    private static List<JavaClass> ports(JavaClass type) {
        return type.getAllRawInterfaces().stream()
                .filter(port -> port.getPackageName().equals(PORTS))
                .toList();
    }

    private static ArchCondition<JavaClass> beNamedTechnologyThenPort() {
        return new ArchCondition<>("be named <Technology><Port>, the technology matching its adapter package") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                // a class that implements several ports (the repository that is also the registry) is named after
                // one of them
                String name = type.getSimpleName();
                String required = requiredTechnology(type.getPackageName());
                boolean ok = false;
                for (JavaClass port : ports(type)) {
                    String portName = port.getSimpleName();
                    String technology =
                            name.endsWith(portName) ? name.substring(0, name.length() - portName.length()) : "";
                    ok |= !technology.isEmpty()
                            && !GENERIC.contains(technology)
                            && !name.endsWith("Impl")
                            && (required == null || technology.startsWith(required));
                }
                events.add(new SimpleConditionEvent(
                        type,
                        ok,
                        type.getName() + (ok ? " is" : " is not")
                                + " named <Technology><Port> after one of its ports"
                                + (required == null ? "" : " with a technology starting with " + required)));
            }
        };
    }

    private static String requiredTechnology(String packageName) {
        return PACKAGE_TECHNOLOGY.entrySet().stream()
                .filter(entry -> packageName.equals(entry.getKey()) || packageName.startsWith(entry.getKey() + "."))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }
}
