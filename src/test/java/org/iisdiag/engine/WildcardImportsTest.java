package org.iisdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WildcardImportsTest {
    private final WildcardImports imports = new WildcardImports(WildcardImportsTest.class.getClassLoader());

    @Test
    void aProjectPackageBecomesOneImportPerClassTheFileNamesOnTheSameLine() {
        String drl = "package iisdiag.rules;\nimport org.iisdiag.conclusions.*;\nrule \"r\"\nwhen\n  $d : Diagnosis()\n"
                + "  PlannedAction( diagnosisId == $d.diagnosisId() )\nthen\nend\n";
        String out = imports.expand(drl);
        assertThat(out.lines().count()).isEqualTo(drl.lines().count());
        String line = out.lines().toList().get(1);
        assertThat(line).isEqualTo("import org.iisdiag.conclusions.Diagnosis; import org.iisdiag.conclusions.PlannedAction; ");
        assertThat(out.lines().toList().get(2)).isEqualTo("rule \"r\"");
    }

    @Test
    void onlyPublicClassesAreImportedAsAnOnDemandImportWould() {
        // this package-private test class sits in org.iisdiag.engine on the test class path
        String out = imports.expand("import org.iisdiag.engine.*;\n// RuleBase WildcardImportsTest WildcardImports\n")
                .lines().findFirst().orElseThrow();
        assertThat(out).contains("import org.iisdiag.engine.RuleBase;").doesNotContain("WildcardImportsTest")
                .doesNotContain("import org.iisdiag.engine.WildcardImports;");
    }

    @Test
    void theJdksPackagesAndUnknownPackagesStayAsWritten() {
        String drl = "import java.util.*;\nimport no.such.pkg.*;\n";
        assertThat(imports.expand(drl)).isEqualTo(drl);
    }

    @Test
    void aFileWhereAnExpandedNameWouldClashWithANamedImportIsLeftAsWritten() {
        // org.iisdiag.conclusions has a Diagnosis; so would this (imaginary) named import
        String drl = "import org.iisdiag.conclusions.*;\nimport some.other.Diagnosis;\n";
        assertThat(imports.expand(drl)).isEqualTo(drl);
    }

    @Test
    void aFileThatDeclaresATypeOfAnExpandedNameIsLeftAsWritten() {
        String drl = "import org.iisdiag.conclusions.*;\ndeclare Diagnosis\n  id : String\nend\n";
        assertThat(imports.expand(drl)).isEqualTo(drl);
    }

    @Test
    void everyShippedRuleFileKeepsItsLinesAndLosesItsProjectWildcards() throws Exception {
        java.nio.file.Path rules = java.nio.file.Path.of(System.getProperty("iisdiag.home", "."), "rules");
        for (String text : RuleBase.readSources(rules).values()) {
            String out = imports.expand(text);
            assertThat(out.lines().count()).isEqualTo(text.lines().count());
            assertThat(out).doesNotContain("import org.iisdiag.facts.*");
        }
    }
}
