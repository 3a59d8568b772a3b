package org.mtlworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, in-process: exit codes, messages, and the files train writes. */
class CliTest {

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\\R");
            return lines[lines.length - 1];
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void modelsListsTheBaselinesWithTheirParameters() {
        Result r = run("models");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("independent", "pooled", "--param ");
    }

    @Test
    void generateWritesEveryScenarioWithGroundTruth() throws Exception {
        Result r = run("generate", "--out", tmp.toString());
        assertThat(r.code()).as(r.err()).isZero();
        for (String id : List.of("clustered", "gated", "tree", "sparse", "linked", "conflicting")) {
            assertThat(tmp.resolve(id).resolve(id + ".csv")).isRegularFile();
            assertThat(tmp.resolve(id).resolve("ground_truth.json")).isRegularFile();
            assertThat(tmp.resolve(id).resolve("README.md")).isRegularFile();
        }
        assertThat(tmp.resolve("gated").resolve("gated_tasks.csv")).isRegularFile();
    }

    @Test
    void trainWritesMetricsTraceProvenanceAndPrintsTheMeanLast() throws Exception {
        Path data = writeClustered();
        Path out = tmp.resolve("run");
        Result r = run("train", "--data", data.toString(), "--model", "independent", "--train-per-task", "20",
                "--seed", "3", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("target type: regression (auto-detected)");
        assertThat(r.lastLine()).startsWith("mean (test):").contains("rmse=").contains("explained_variance=");
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.path("mean").path("rmse").asDouble()).isPositive();
        assertThat(metrics.path("seed").asLong()).isEqualTo(3);
        assertThat(metrics.path("tasks").size()).isEqualTo(12);
        List<String> trace = Files.readAllLines(out.resolve("trace.csv"), StandardCharsets.UTF_8);
        assertThat(trace).hasSizeGreaterThan(1);
        assertThat(trace.get(0)).startsWith("step,");
        JsonNode prov = new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
        assertThat(prov.toString()).contains("independent").containsPattern("[0-9a-f]{64}");
    }

    @Test
    void compareRunsModelsOverSeedsAndPrintsMeanAndSd() throws Exception {
        Path data = writeClustered();
        Result r = run("compare", "--models", "independent,pooled", "--data", data.toString(),
                "--train-per-task", "10", "--seeds", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("mean ± sd over 2 seeds").containsPattern("independent\\s+\\d")
                .containsPattern("pooled\\s+\\d");
    }

    @Test
    void compareFirstSeedRunsSeedsFromThere() throws Exception {
        Path data = writeClustered();
        Path csv = tmp.resolve("runs.csv");
        Result r = run("compare", "--models", "pooled", "--data", data.toString(), "--train-per-task", "10",
                "--seeds", "2", "--first-seed", "11", "--out", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        java.util.Set<String> seeds = new java.util.TreeSet<>();
        Files.readAllLines(csv).stream().skip(1).forEach(line -> seeds.add(line.split(",")[1]));
        assertThat(seeds).containsExactly("11", "12");
    }

    @Test
    void badInputExitsWithCode2AndOneLineNamingFileLineAndColumn() throws Exception {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "task,x1,target\na,1,2\na,oops,3\n");
        Result r = run("train", "--data", bad.toString(), "--model", "independent", "--out",
                tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.err()).contains("bad.csv").contains("line 3").contains("column 2");
    }

    @Test
    void unknownModelAndBadParameterAndMissingFileExitWithCode2() {
        Path data = tmp.resolve("none.csv");
        assertThat(run("train", "--data", data.toString(), "--model", "independent", "--out", "x").code())
                .isEqualTo(2);
        Result unknown = run("models", "--nope");
        assertThat(unknown.code()).isEqualTo(2);
    }

    @Test
    void unknownModelIdIsABadInput() throws Exception {
        Path data = writeClustered();
        Result r = run("train", "--data", data.toString(), "--model", "no-such-model", "--out",
                tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown model 'no-such-model'");
    }

    @Test
    void parameterOutOfRangeIsABadInput() throws Exception {
        Path data = writeClustered();
        Result r = run("train", "--data", data.toString(), "--model", "independent", "--param",
                "maxIterations=-5", "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("maxIterations");
    }

    private Path writeClustered() {
        Result g = run("generate", "--out", tmp.toString(), "--only", "clustered");
        assertThat(g.code()).as(g.err()).isZero();
        return tmp.resolve("clustered").resolve("clustered.csv");
    }
}
