package dev.certificatetransfer.adapter.ca;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * What the adapter promises beyond its types: it writes nothing anywhere (so no key reaches a log), and its API
 * shows no BouncyCastle type, so a host needs none of BouncyCastle's and the library can be swapped.
 */
@AnalyzeClasses(packages = "dev.certificatetransfer.adapter.ca", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule nothing_logs_or_prints = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.slf4j..", "java.util.logging..", "java.lang.System$Logger..")
            .orShould()
            .accessField(System.class, "out")
            .orShould()
            .accessField(System.class, "err")
            .orShould()
            .callMethod(Throwable.class, "printStackTrace");

    @ArchTest
    static final ArchRule the_public_api_shows_no_bouncycastle_type = methods()
            .that()
            .arePublic()
            .and()
            .areDeclaredInClassesThat()
            .arePublic()
            .should()
            .notHaveRawReturnType(JavaClass.Predicates.resideInAPackage("org.bouncycastle.."))
            .andShould()
            .notHaveRawParameterTypes(com.tngtech.archunit.base.DescribedPredicate.anyElementThat(
                    JavaClass.Predicates.resideInAPackage("org.bouncycastle..")));
}
