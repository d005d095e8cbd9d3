package io.cavra.controlplane.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Map;

/** Where the gateway's answers are composed. */
@AnalyzeClasses(
    packages = "io.cavra.controlplane.gateway",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /** Every text the gateway answers a problem with is in {@link Problem}, one factory per code. */
  @ArchTest
  static final ArchRule problemsAreComposedByProblemsFactoriesOnly =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(Problem.class.getName())
          .should()
          .callConstructor(
              Problem.class,
              ProblemType.class,
              String.class,
              String.class,
              String.class,
              String.class,
              Map.class)
          .because("a problem's texts live in one place: the factory of its code in Problem");
}
