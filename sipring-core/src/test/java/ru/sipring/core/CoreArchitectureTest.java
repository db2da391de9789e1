package ru.sipring.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps sipring-core free of adapter libraries and of hidden clocks (DESIGN.md §1, §3). */
class CoreArchitectureTest {
  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("ru.sipring.core");
  }

  @Test
  void coreUsesNoAdapterLibrary() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "org.asteriskjava..", "org.jdbi..", "java.sql..", "javax.sql..", "com.opencsv..",
            "com.fasterxml.jackson..", "picocli..", "org.mariadb..", "com.zaxxer..", "org.flywaydb..",
            "com.github.benmanes.caffeine..", "org.apache.logging..", "ch.qos.logback..")
        .because("the core is the pure domain; adapters live in their own modules")
        .check(core);
  }

  @Test
  void coreReadsNoHiddenClock() {
    noClasses().should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(java.time.LocalDateTime.class, "now")
        .orShould().callMethod(java.time.LocalDate.class, "now")
        .orShould().callMethod(java.time.ZonedDateTime.class, "now")
        .orShould().dependOnClassesThat().areAssignableTo(java.util.Date.class)
        .orShould().dependOnClassesThat().areAssignableTo(java.util.Calendar.class)
        .because("time is injected (Clock / InstantSource) so that reports and tests are reproducible")
        .check(core);
  }

  @Test
  void coreLogsOnlyThroughSlf4j() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.commons.logging..")
        .check(core);
  }
}
