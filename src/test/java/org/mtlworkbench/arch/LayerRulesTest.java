package org.mtlworkbench.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the arrows of ARCHITECTURE.md honest: nothing points up, and only the GUI touches JavaFX. */
@AnalyzeClasses(packages = "org.mtlworkbench", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    @ArchTest
    static final ArchRule onlyAppImportsJavafx = noClasses()
            .that().resideOutsideOfPackage("org.mtlworkbench.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree.chart.fx..", "org.controlsfx..")
            .because("the core must run headless; only the app layer is a JavaFX program");

    @ArchTest
    static final ArchRule modelDoesNotImportTrain = noClasses()
            .that().resideInAPackage("org.mtlworkbench.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.mtlworkbench.train..",
                    "org.mtlworkbench.experiment..", "org.mtlworkbench.export..")
            .because("models know the SPI, not who runs them");

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("app").definedBy("org.mtlworkbench.app..")
            .layer("cli").definedBy("org.mtlworkbench.cli..")
            .layer("experiment").definedBy("org.mtlworkbench.experiment..")
            .layer("export").definedBy("org.mtlworkbench.export..")
            .layer("train").definedBy("org.mtlworkbench.train..")
            .layer("model").definedBy("org.mtlworkbench.model..")
            .layer("base").definedBy("org.mtlworkbench.data..", "org.mtlworkbench.numeric..",
                    "org.mtlworkbench.relatedness..")
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("experiment").mayOnlyBeAccessedByLayers("app", "cli")
            .whereLayer("export").mayOnlyBeAccessedByLayers("app", "cli", "experiment")
            .whereLayer("train").mayOnlyBeAccessedByLayers("app", "cli", "experiment", "export")
            .whereLayer("model").mayOnlyBeAccessedByLayers("app", "cli", "experiment", "export", "train")
            .whereLayer("base").mayOnlyBeAccessedByLayers("app", "cli", "experiment", "export", "train", "model");
}
