package io.cavra.controlplane.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The benchmarks measure the contract through its public API, as its users call it: the module
 * system does not stop them (this module is on the class path), so this rule does.
 */
@AnalyzeClasses(
    packages = "io.cavra.controlplane.bench",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule benchmarksNeverUseTheContractsInternals =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.cavra.controlplane.contract.internal..")
          .because("contract.internal is not exported: it may change in any release");
}
