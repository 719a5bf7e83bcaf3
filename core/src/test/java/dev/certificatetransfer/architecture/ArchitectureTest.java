package dev.certificatetransfer.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules of the architecture (docs/architecture.md) that a POM cannot pin, checked on core's production classes. */
@AnalyzeClasses(packages = "dev.certificatetransfer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule core_depends_only_on_the_jdk_vavr_and_slf4j = classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("dev.certificatetransfer..", "java..", "io.vavr..", "org.slf4j..");

    @ArchTest
    static final ArchRule no_database_http_or_framework_types_in_core = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "java.sql..",
                    "javax.sql..",
                    "java.net.http..",
                    "jakarta..",
                    "javax.annotation..",
                    "com.fasterxml..",
                    "org.springframework..");

    @ArchTest
    static final ArchRule slf4j_only_in_application_services_and_adapters = noClasses()
            .that()
            .resideOutsideOfPackages("dev.certificatetransfer.application..", "dev.certificatetransfer.adapter..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.slf4j..");

    @ArchTest
    static final ArchRule the_domain_knows_no_ports_services_or_adapters = noClasses()
            .that()
            .resideInAPackage("dev.certificatetransfer.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.certificatetransfer.port..", "dev.certificatetransfer.application..",
                    "dev.certificatetransfer.adapter..", "dev.certificatetransfer.spi..");

    @ArchTest
    static final ArchRule the_inbound_port_knows_no_outbound_port_or_spi = noClasses()
            .that()
            .resideInAPackage("dev.certificatetransfer.port.in..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.certificatetransfer.port.out..", "dev.certificatetransfer.spi..",
                    "dev.certificatetransfer.application..", "dev.certificatetransfer.adapter..");

    @ArchTest
    static final ArchRule ports_and_services_know_no_adapters = noClasses()
            .that()
            .resideInAnyPackage("dev.certificatetransfer.port..", "dev.certificatetransfer.application..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.certificatetransfer.adapter..");

    @ArchTest
    static final ArchRule no_package_cycles =
            slices().matching("dev.certificatetransfer.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothing_reads_the_time_or_randomness_by_itself = noClasses()
            .should()
            .callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.name("now"))
                    .and(JavaCall.Predicates.target(
                            HasOwner.Predicates.With.owner(JavaClass.Predicates.resideInAPackage("java.time")))))
            .orShould()
            .callMethod(java.util.UUID.class, "randomUUID")
            .orShould()
            .callMethod(java.lang.System.class, "currentTimeMillis")
            .orShould()
            .callMethod(java.lang.System.class, "nanoTime")
            .orShould()
            .callMethod(java.time.Clock.class, "systemUTC")
            .orShould()
            .callMethod(java.time.Clock.class, "systemDefaultZone")
            .orShould()
            .callMethod(java.lang.Math.class, "random")
            .orShould()
            .callMethod(java.util.concurrent.ThreadLocalRandom.class, "current")
            .orShould()
            .callConstructor(java.util.Random.class)
            .orShould()
            .callConstructor(java.security.SecureRandom.class);
}
