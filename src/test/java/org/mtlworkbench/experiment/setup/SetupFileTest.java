package org.mtlworkbench.experiment.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtlworkbench.experiment.ExperimentFormatException;

/** Set-up files: a round trip keeps every field; malformed files name the file, the line and the column. */
class SetupFileTest {

    @TempDir
    Path tmp;

    static Setup example() {
        return new Setup(Setup.DataChoice.sample("clustered"), new Setup.SplitJson("count", null, 5, null, 7L),
                new Setup.ModelJson("clustering", Map.of("clusters", 3, "tolerance", 1e-4, "activation", "none")),
                42L, new Setup.Controls(List.of("split"), List.of("model", "params")),
                new Setup.LessonRef("task-clustering", 1));
    }

    @Test
    void roundTripKeepsEverything() throws Exception {
        Path f = tmp.resolve("a.mtlsetup");
        SetupFile.save(new SetupFile.Document("lesson 2", example()), f);
        SetupFile.Document d = SetupFile.load(f);
        assertThat(d.setup()).isEqualTo(example());
        assertThat(d.name()).isEqualTo("lesson 2");
        assertThat(d.setup().model().params().get("clusters")).isEqualTo(3);
        assertThat(d.setup().split().toSpec().count()).isEqualTo(5);
        assertThat(d.setup().split().toSpec().seed()).isEqualTo(7);
        assertThat(Files.size(f)).isLessThan(1000);
    }

    @Test
    void embeddedDataIsWrittenBackAsTheSameFile() throws Exception {
        Path csv = tmp.resolve("mini.csv");
        Files.writeString(csv, "task,x1,target\na,1,2\nb,3,4\n");
        Setup s = new Setup(SetupData.embed("mini", csv, null), null, new Setup.ModelJson("pooled", null), null,
                null, null);
        Path f = tmp.resolve("b.mtlsetup");
        SetupFile.save(new SetupFile.Document(null, s), f);
        Setup back = SetupFile.load(f).setup();
        SetupData d = SetupData.resolve(back.data(), tmp.resolve("samples"), tmp.resolve("scratch"));
        assertThat(Files.readString(d.csv())).isEqualTo(Files.readString(csv));
        assertThat(back.seedOr1()).isEqualTo(1);
    }

    private ExperimentFormatException loadError(String text) throws Exception {
        Path f = tmp.resolve("bad.mtlsetup");
        Files.writeString(f, text);
        try {
            SetupFile.load(f);
        } catch (ExperimentFormatException e) {
            return e;
        }
        throw new AssertionError("no error for " + text);
    }

    @Test
    void syntaxErrorNamesFileLineAndColumn() throws Exception {
        ExperimentFormatException e = loadError("{\"format\": \"mtl-workbench-setup\",\n  \"version\": 1,\n"
                + "  \"setup\": {\"data\": {\"sample\": \"clustered\"} \"model\": {}}}\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(45);
        assertThat(e.getMessage()).contains("bad.mtlsetup, line 3, column 45", "not valid JSON");
    }

    @Test
    void unknownFieldIsNamedWithItsPlace() throws Exception {
        ExperimentFormatException e = loadError("{\"format\": \"mtl-workbench-setup\", \"version\": 1,\n"
                + "  \"setup\": {\"data\": {\"sample\": \"clustered\"},\n    \"modle\": {\"id\": \"pooled\"}}}");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("unknown field \"modle\"", "$.setup.modle", "line 3");
    }

    @Test
    void refusedValuesAndMissingFieldsAreNamed() throws Exception {
        assertThat(loadError("{\"format\": \"mtl-workbench-setup\", \"version\": 1, \"setup\": {\"data\": "
                + "{\"sample\": \"a\", \"path\": \"b\"}, \"model\": {\"id\": \"pooled\"}}}").getMessage())
                .contains("exactly one of", "line 1, column 67", "$.setup.data");
        assertThat(loadError("{\"format\": \"mtl-workbench-setup\", \"version\": 1, \"setup\": {\"data\": "
                + "{\"sample\": \"a\"}}}").getMessage()).contains("model");
        assertThat(loadError("{\"format\": \"mtl-workbench-setup\", \"version\": 9, \"setup\": {\"data\": "
                + "{\"sample\": \"a\"}, \"model\": {\"id\": \"x\"}}}").getMessage()).contains("newer");
        assertThat(loadError("{\"format\": \"mtl-workbench-experiment\", \"version\": 1, \"setup\": {}}")
                .getMessage()).contains("not an MTL Workbench set-up");
        assertThat(loadError("{\"format\": \"mtl-workbench-setup\", \"version\": 1, \"setup\": {\"data\": "
                + "{\"sample\": \"a\"}, \"model\": {\"id\": \"x\"}, \"controls\": {\"hidden\": [\"knob\"]}}}")
                .getMessage()).contains("unknown control \"knob\"");
        assertThat(loadError("").getMessage()).contains("bad.mtlsetup");
        ExperimentFormatException split = loadError("{\"format\": \"mtl-workbench-setup\", \"version\": 1,\n"
                + " \"setup\": {\"data\": {\"sample\": \"a\"}, \"model\": {\"id\": \"x\"},\n"
                + "  \"split\": {\"kind\": \"halves\"}}}");
        assertThat(split.getMessage()).contains("line 3, column 21", "split kind must be", "halves");
    }
}
