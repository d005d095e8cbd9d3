package io.cavra.controlplane.conformance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Duration;

/** Where the kit's texts for calls without an answer are composed. */
@AnalyzeClasses(
    packages = "io.cavra.controlplane.conformance",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /**
   * A failed or unreachable call's text comes from one factory in {@link Exchange}, whichever
   * target made it.
   */
  @ArchTest
  static final ArchRule failureTextsAreComposedByExchangesFactoriesOnly =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(Exchange.class.getName())
          .should()
          .callConstructor(Exchange.Failed.class, Duration.class, String.class)
          .orShould()
          .callConstructor(Exchange.Unreachable.class, Duration.class, String.class)
          .because("the kit reports each kind of failed call with one text, made in one place");
}
