package org.mtlworkbench.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtlworkbench.data.SplitSpec;
import org.mtlworkbench.data.TargetType;

class ExperimentFileTest {

    @TempDir
    Path dir;

    static Experiment sample() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tau", 0.5);
        params.put("components", 4);
        params.put("ard", true);
        params.put("kernel", "rbf");
        params.put("big", 12_345_678_901L);
        Map<String, Double> test = new LinkedHashMap<>();
        test.put("rmse", 10.25);
        test.put("auc", Double.NaN); // undefined metrics survive as null → NaN
        test.put("rows", 120.0);
        return new Experiment("school, 16 per task", new Experiment.DataRef("data/school.csv", "ab".repeat(32),
                TargetType.REGRESSION, null), SplitSpec.count(16, 3),
                new Experiment.ModelRef("mtgp", params), 42, Instant.parse("2025-03-04T05:06:07.123456789Z"),
                new Experiment.Results(test, Map.of("rmse", 9.5)), "first try — with ünïcode");
    }

    @Test
    void roundTrips() throws Exception {
        Path f = dir.resolve("e.json");
        for (Experiment e : new Experiment[] {sample(),
            new Experiment("minimal", new Experiment.DataRef("d", null, null, null), SplitSpec.fraction(0.7, 1),
                    new Experiment.ModelRef("independent", Map.of()), -5, null, null, null),
            new Experiment("files", new Experiment.DataRef("d", null, TargetType.CLASSIFICATION, "tf.csv"),
                    SplitSpec.file("split.csv", "fold1", 0, 9), new Experiment.ModelRef("x", Map.of()), 0, null,
                    new Experiment.Results(null, Map.of("accuracy", 1.0)), ""),
            new Experiment("column", new Experiment.DataRef("d", null, null, null), SplitSpec.column("split"),
                    new Experiment.ModelRef("x", Map.of()), 0, null, null, null)}) {
            ExperimentFile.save(e, f);
            Experiment back = ExperimentFile.load(f);
            assertThat(back).isEqualTo(e);
        }
        ExperimentFile.save(sample(), f);
        String text = Files.readString(f);
        assertThat(text).contains("\"format\" : \"mtl-workbench-experiment\"").contains("\"version\" : 1")
                .contains("\"auc\" : null").contains("\"kind\" : \"count\"");
        // parameter types survive: Integer stays Integer, Double stays Double
        Map<String, Object> params = ExperimentFile.load(f).model().params();
        assertThat(params.get("components")).isInstanceOf(Integer.class);
        assertThat(params.get("tau")).isInstanceOf(Double.class);
        assertThat(params.get("big")).isInstanceOf(Long.class);
    }

    private static byte[] bytes(Path f) throws IOException {
        return Files.readAllBytes(f);
    }

    private long filesIn(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }

    @Test
    void aSaveThatFailsHalfWayLeavesThePreviousFileByteIdentical() throws Exception {
        Path f = dir.resolve("e.json");
        ExperimentFile.save(sample(), f);
        byte[] before = bytes(f);
        Map<String, Object> bad = new LinkedHashMap<>(sample().model().params());
        bad.put("zzz", new Object()); // comes after the data, split and other params have been written
        Experiment broken = new Experiment("other", sample().data(), sample().split(),
                new Experiment.ModelRef("mtgp", bad), 1, null, null, null);
        assertThatThrownBy(() -> ExperimentFile.save(broken, f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter zzz");
        assertThat(bytes(f)).isEqualTo(before);
        assertThat(filesIn(dir)).as("no temporary file left").isEqualTo(1);
    }

    @Test
    void aSaveIntoAReadOnlyFolderLeavesThePreviousFile() throws Exception {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Path f = ro.resolve("e.json");
        ExperimentFile.save(sample(), f);
        byte[] before = bytes(f);
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(ro), "running as a user who can write anyway (root)");
            assertThatThrownBy(() -> ExperimentFile.save(sample().withNotes("changed"), f))
                    .isInstanceOf(IOException.class);
            assertThat(bytes(f)).isEqualTo(before);
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private ExperimentFormatException loadFails(String json) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, json);
        ExperimentFormatException e = catchThrowableOfType(ExperimentFormatException.class,
                () -> ExperimentFile.load(f));
        assertThat(e).as("load of %s should fail", json).isNotNull();
        assertThat(e.getMessage()).startsWith(f.toString());
        return e;
    }

    /** The sample as JSON text with one replacement made. */
    private String sampleWith(String from, String to) throws Exception {
        Path f = dir.resolve("good.json");
        ExperimentFile.save(sample(), f);
        String text = Files.readString(f);
        assertThat(text).contains(from);
        return text.replace(from, to);
    }

    @Test
    void notJsonGivesLineAndColumn() throws Exception {
        ExperimentFormatException e = loadFails("{\n  \"format\": \"mtl-workbench-experiment\",\n  oops\n}");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(3); // the "o" of "oops"
        assertThat(e.getMessage()).contains("line 3").contains("not valid JSON");
        assertThat(loadFails("").getMessage()).contains("empty");
        assertThat(loadFails("[1, 2]").getMessage()).contains("expected a JSON object");
        assertThat(loadFails("{\"format\": \"mtl-workbench-experiment\"} trailing").getMessage())
                .contains("not valid JSON");
        assertThat(loadFails(sampleWith("\"name\" :", "\"seed\" : 1, \"name\" :")).getMessage())
                .contains("Duplicate field 'seed'");
    }

    @Test
    void wrongFormat() throws Exception {
        assertThat(loadFails("{\"format\": \"something-else\", \"version\": 1}").getMessage())
                .contains("not an MTL Workbench experiment file").contains("something-else");
        assertThat(loadFails("{\"name\": \"x\"}").getMessage()).contains("no \"format\"");
    }

    @Test
    void newerVersion() throws Exception {
        ExperimentFormatException e = loadFails(sampleWith("\"version\" : 1", "\"version\" : 3")
                .replace("\"notes\"", "\"futureField\" : 1, \"notes\""));
        assertThat(e.getMessage()).endsWith(
                "written by a newer MTL Workbench: format version 3, this version reads up to 1");
        assertThat(e.jsonPath()).isEqualTo("$.version");
        assertThat(loadFails(sampleWith("\"version\" : 1", "\"version\" : 0")).getMessage()).contains("version 0");
        assertThat(loadFails(sampleWith("\"version\" : 1", "\"version\" : \"1\"")).getMessage())
                .contains("$.version must be a whole number");
    }

    @Test
    void unknownFieldsAreNamedWithTheirPath() throws Exception {
        ExperimentFormatException e = loadFails(sampleWith("\"sha256\"", "\"sha265\" : null, \"sha256\""));
        assertThat(e.jsonPath()).isEqualTo("$.data.sha265");
        assertThat(e.getMessage()).contains("unknown field \"sha265\" at $.data.sha265");
        assertThat(loadFails(sampleWith("\"notes\"", "\"note\" : null, \"notes\"")).jsonPath())
                .isEqualTo("$.note");
        assertThat(loadFails(sampleWith("\"kind\"", "\"seeed\" : 1, \"kind\"")).jsonPath())
                .isEqualTo("$.split.seeed");
        assertThat(loadFails(sampleWith("\"id\"", "\"params2\" : {}, \"id\"")).jsonPath())
                .isEqualTo("$.model.params2");
    }

    @Test
    void missingRequiredFields() throws Exception {
        ExperimentFormatException e = loadFails(sampleWith("\"path\" : \"data/school.csv\",", ""));
        assertThat(e.jsonPath()).isEqualTo("$.data.path");
        assertThat(e.getMessage()).contains("missing required field \"path\" at $.data.path");
        assertThat(loadFails(sampleWith("\"id\" : \"mtgp\",", "")).jsonPath()).isEqualTo("$.model.id");
        assertThat(loadFails(sampleWith("\"seed\" : 42,", "")).jsonPath()).isEqualTo("$.seed");
        assertThat(loadFails(sampleWith("\"name\" : \"school, 16 per task\",", "\"name\" : null,")).jsonPath())
                .isEqualTo("$.name");
        assertThat(loadFails(sampleWith("\"version\" : 1,", "")).jsonPath()).isEqualTo("$.version");
    }

    @Test
    void wrongKindsAndInvalidValues() throws Exception {
        assertThat(loadFails(sampleWith("\"seed\" : 42", "\"seed\" : 4.2")).getMessage())
                .contains("$.seed must be a whole number");
        assertThat(loadFails(sampleWith("\"kind\" : \"count\"", "\"kind\" : \"random\"")).getMessage())
                .contains("split kind must be one of");
        assertThat(loadFails(sampleWith("\"count\" : 16", "\"count\" : 0")).getMessage())
                .contains("invalid split").contains("at least 1");
        assertThat(loadFails(sampleWith("\"targetType\" : \"regression\"", "\"targetType\" : \"ordinal\""))
                .jsonPath()).isEqualTo("$.data.targetType");
        assertThat(loadFails(sampleWith("\"created\" : \"2025", "\"created\" : \"yesterday 2025")).jsonPath())
                .isEqualTo("$.created");
        assertThat(loadFails(sampleWith("\"kernel\" : \"rbf\"", "\"kernel\" : [1]")).jsonPath())
                .isEqualTo("$.model.params.kernel");
        assertThat(loadFails(sampleWith("\"rmse\" : 10.25", "\"rmse\" : \"low\"")).getMessage())
                .contains("$.results.test.rmse must be a number");
    }
}
