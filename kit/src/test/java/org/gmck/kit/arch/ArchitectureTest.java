package org.gmck.kit.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.gmck.kit.certify.ConformanceSuite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kit's layering: the suite talks only to the SPI, the reference's domain knows nothing of its binding. */
class ArchitectureTest {

    private static JavaClasses kit;
    private static JavaClasses reference;
    private static JavaClasses spi;

    @BeforeAll
    static void importClasses() {
        kit = new ClassFileImporter().importPackages("org.gmck.kit");
        reference = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.gmck.reference");
        spi = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.gmck.spi");
    }

    @Test
    void stepDefinitionsUseOnlyTheSpi() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("org.gmck.kit..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.gmck.reference..")
                .because("the suite must reach every implementation, the reference included, only through the SPI");
        rule.check(kit);
    }

    @Test
    void onlyTheCommandLineUsesItsOptionalLibraries() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("org.gmck.kit..")
                .and()
                .resideOutsideOfPackage("org.gmck.kit.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("picocli..", "com.networknt..")
                .because("the kit depends on picocli and the schema validator optionally, for its standalone jar:"
                        + " a third party's build that certifies through AdapterConformanceTest does not have them");
        rule.check(kit);
    }

    @Test
    void theSiteOnlyReadsTheCatalogueFeaturesAndReports() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("org.gmck.kit.site..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.gmck.kit.certify..",
                        "org.gmck.kit.steps..",
                        "org.gmck.kit.model..",
                        "org.gmck.kit.protocol..",
                        "org.gmck.kit.cli..")
                .because("the documentation site is made from the catalogue, the features, the SPI's tables and"
                        + " reports alone; it never runs or certifies anything");
        rule.check(kit);
        ArchRule used = noClasses()
                .that()
                .resideInAPackage("org.gmck.kit..")
                .and()
                .resideOutsideOfPackage("org.gmck.kit.site..")
                .and()
                .resideOutsideOfPackage("org.gmck.kit.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.gmck.kit.site..")
                .because("only the command line writes the site; certification does not depend on it");
        used.check(kit);
    }

    @Test
    void nothingInTheKitDependsOnTheCommandLine() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("org.gmck.kit..")
                .and()
                .resideOutsideOfPackage("org.gmck.kit.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.gmck.kit.cli..")
                .because("the command line is one way in, over the certification, the catalogue and the report");
        rule.check(kit);
    }

    @Test
    void referenceDomainDoesNotDependOnItsBinding() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("org.gmck.reference..")
                .and()
                .resideOutsideOfPackage("org.gmck.reference.binding..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.gmck.reference.binding..")
                .because("the domain packages are the implementation; the binding only wires them to the SPI");
        rule.check(reference);
    }

    @Test
    void referenceDoesNotDependOnTestLibraries() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("org.gmck.reference..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.junit..",
                        "org.opentest4j..",
                        "io.cucumber..",
                        "com.tngtech.archunit..",
                        "org.quicktheories..",
                        "org.gmck.kit..")
                .because("the reference implementation is production code");
        rule.check(reference);
    }

    @Test
    void spiDependsOnNothingButTheJdk() {
        ArchRule rule = classes()
                .that()
                .resideInAPackage("org.gmck.spi..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("org.gmck.spi..", "java..")
                .because("the SPI is what third parties implement: plain interfaces and value types, no dependencies");
        rule.check(spi);
    }

    @Test
    void theX86VocabularyStandsAlone() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("org.gmck.spi.x86..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.gmck.spi.pgm..",
                        "org.gmck.spi.gmm..",
                        "org.gmck.spi.largepage..",
                        "org.gmck.spi.monitor..")
                .because("the x86 package is the one vocabulary of entries, modes and control registers that the "
                        + "other facets speak");
        rule.check(spi);
    }

    @Test
    void noPackageCyclesInTheReference() {
        slices().assignedFrom(packagesUnder("org.gmck.reference"))
                .should()
                .beFreeOfCycles()
                .check(reference);
    }

    @Test
    void noPackageCyclesInTheSpi() {
        slices().assignedFrom(packagesUnder("org.gmck.spi"))
                .should()
                .beFreeOfCycles()
                .check(spi);
    }

    /**
     * The suite's selection ({@link ConformanceSuite}) names the checks it runs, which read their settings from
     * {@code certify}: a list of what to run, not a layer, so its annotations are left out of the cycle check.
     */
    @Test
    void noPackageCyclesInTheKit() {
        slices().assignedFrom(packagesUnder("org.gmck.kit"))
                .should()
                .beFreeOfCycles()
                .ignoreDependency(
                        JavaClass.Predicates.equivalentTo(ConformanceSuite.class), DescribedPredicate.alwaysTrue())
                .check(kit);
    }

    /**
     * One slice for each package directly under {@code root} (with its subpackages) and one for {@code root}
     * itself, so that a cycle through the root package (an entry point there that names the subpackages,
     * which name a type of the root back) is seen too.
     */
    private static SliceAssignment packagesUnder(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                if (name.equals(root)) {
                    return SliceIdentifier.of(root);
                }
                if (name.startsWith(root + ".")) {
                    return SliceIdentifier.of(
                            root + "." + name.substring(root.length() + 1).split("\\.")[0]);
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages under " + root + ", the root package itself one of them";
            }
        };
    }

    @Test
    void stepClassesHoldNoStateOfTheirOwn() {
        ArchRule rule = fields().that()
                .areDeclaredInClassesThat()
                .haveSimpleNameEndingWith("Steps")
                .and()
                .areDeclaredInClassesThat()
                .resideInAPackage("org.gmck.kit.steps..")
                .and()
                .areNotStatic()
                .should()
                .beFinal()
                .andShould()
                .haveRawType(new DescribedPredicate<JavaClass>("a world or the scenario's context") {
                    @Override
                    public boolean test(JavaClass type) {
                        return type.getSimpleName().endsWith("World")
                                || type.getName().equals("org.gmck.kit.ScenarioContext");
                    }
                })
                .because("a scenario's state lives in its domain's world; step classes only hold what they are given");
        rule.check(kit);
    }

    @Test
    void stepClassesDoNotInjectEachOther() {
        ArchRule rule = noFields()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage("org.gmck.kit.steps..")
                .should()
                .haveRawType(new DescribedPredicate<JavaClass>("a step class") {
                    @Override
                    public boolean test(JavaClass type) {
                        return type.getPackageName().startsWith("org.gmck.kit.steps")
                                && type.getSimpleName().endsWith("Steps");
                    }
                })
                .because("steps share state through worlds, never by injecting other step classes");
        rule.check(kit);
    }
}
