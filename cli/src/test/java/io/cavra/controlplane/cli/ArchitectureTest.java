package io.cavra.controlplane.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import io.cavra.controlplane.contract.violation.ContractReachingIntoCli;
import io.cavra.controlplane.contract.violation.UpperHalf;
import io.cavra.controlplane.contract.violation.cycle.LowerHalf;
import io.cavra.controlplane.gateway.violation.GatewayReachingIntoCli;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries the README claims, checked on the compiled classes of every module the CLI
 * sees (contract, conformance, gateway and the CLI itself; tests excluded): {@code contract}
 * depends on nothing of ours, {@code gateway} and {@code conformance} never on {@code cli}, and
 * {@code contract.internal} is used inside {@code contract} only, and the packages of {@code
 * contract} (the root package included) depend on each other in one direction. (The module system
 * already refuses the last at compile time for modular code; the rule keeps holding if a qualified
 * export is ever added.) The {@code @Test}s show the rules that test classes can break failing on
 * them.
 */
@AnalyzeClasses(
    packages = ArchitectureTest.OURS,
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  static final String OURS = "io.cavra.controlplane";
  private static final String CONTRACT_ROOT = "io.cavra.controlplane.contract";
  private static final String CONTRACT = CONTRACT_ROOT + "..";
  private static final String INTERNAL = "io.cavra.controlplane.contract.internal..";

  @ArchTest
  static final ArchRule contractDependsOnNothingOfOurs =
      noClasses()
          .that()
          .resideInAPackage(CONTRACT)
          .should()
          .dependOnClassesThat(resideInAPackage(OURS + "..").and(not(resideInAPackage(CONTRACT))))
          .because(
              "every other module builds on the contract, and a private adapter depends on it"
                  + " alone");

  @ArchTest
  static final ArchRule contractUsesTheJdkAndJacksonCoreOnly =
      classes()
          .that()
          .resideInAPackage(CONTRACT)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(CONTRACT, "java..", "com.fasterxml.jackson.core..")
          .because("the contract's only dependency is jackson-core");

  @ArchTest
  static final ArchRule gatewayAndConformanceNeverDependOnCli =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.cavra.controlplane.gateway..", "io.cavra.controlplane.conformance..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.cavra.controlplane.cli..")
          .because(
              "the CLI is the top of the stack: it starts the gateway and runs the kit, never the"
                  + " reverse");

  @ArchTest
  static final ArchRule internalIsUsedInsideContractOnly =
      noClasses()
          .that()
          .resideOutsideOfPackage(CONTRACT)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(INTERNAL)
          .because("contract.internal is not exported: it may change in any release");

  @ArchTest
  static final ArchRule noCyclesBetweenPackagesOfContract =
      slices()
          .assignedFrom(
              new SliceAssignment() {
                @Override
                public SliceIdentifier getIdentifierOf(JavaClass type) {
                  String pkg = type.getPackageName();
                  return pkg.equals(CONTRACT_ROOT) || pkg.startsWith(CONTRACT_ROOT + ".")
                      ? SliceIdentifier.of(pkg)
                      : SliceIdentifier.ignore();
                }

                @Override
                public String getDescription() {
                  return "packages of " + CONTRACT_ROOT;
                }
              })
          .should()
          .beFreeOfCycles()
          .because(
              "the model, its internals and the secret guard layer one above the other: secret,"
                  + " then the root package, then internal");

  @Test
  void cycleRuleFailsForTwoContractPackagesThatUseEachOther() {
    JavaClasses offender = new ClassFileImporter().importClasses(UpperHalf.class, LowerHalf.class);

    assertThatThrownBy(() -> noCyclesBetweenPackagesOfContract.check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle detected")
        .hasMessageContaining(UpperHalf.class.getName())
        .hasMessageContaining(LowerHalf.class.getName());
  }

  @Test
  void contractRuleFailsForAContractClassThatUsesTheCli() {
    JavaClasses offender =
        new ClassFileImporter().importClasses(ContractReachingIntoCli.class, CliSide.class);

    assertThatThrownBy(() -> contractDependsOnNothingOfOurs.check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(ContractReachingIntoCli.class.getName())
        .hasMessageContaining(CliSide.class.getName());
    assertThatThrownBy(() -> contractUsesTheJdkAndJacksonCoreOnly.check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(CliSide.class.getName());
  }

  @Test
  void cliRuleFailsForAGatewayClassThatUsesTheCli() {
    JavaClasses offender =
        new ClassFileImporter().importClasses(GatewayReachingIntoCli.class, CliSide.class);

    assertThatThrownBy(() -> gatewayAndConformanceNeverDependOnCli.check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(GatewayReachingIntoCli.class.getName())
        .hasMessageContaining(CliSide.class.getName());
  }
}
