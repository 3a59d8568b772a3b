package org.mtlworkbench.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.Prediction;
import org.mtlworkbench.relatedness.AllocationMatrix;
import org.mtlworkbench.relatedness.GroupSparsity;
import org.mtlworkbench.relatedness.RelatednessView;
import org.mtlworkbench.relatedness.TaskMatrix;
import org.mtlworkbench.relatedness.TaskTree;
import org.mtlworkbench.relatedness.TaskTree.Node;
import org.mtlworkbench.train.DataInfo;
import org.mtlworkbench.train.Evaluation;
import org.mtlworkbench.train.Metrics;
import org.mtlworkbench.train.Provenance;
import org.mtlworkbench.train.RunResult;
import org.mtlworkbench.train.RunState;
import org.mtlworkbench.train.TraceRow;

class RunOutputsTest {

    @TempDir
    Path dir;

    private static final List<String> TASKS = List.of("a", "b");

    /** Predicts the constant 1 with variance 1; shows one view of every kind, two with the same title. */
    private static final FittedModel MODEL = new FittedModel() {
        @Override
        public Prediction predict(int task, double[][] x) {
            double[] m = new double[x.length];
            double[] v = new double[x.length];
            java.util.Arrays.fill(m, 1);
            java.util.Arrays.fill(v, 1);
            return new Prediction.Regression(m, v);
        }

        @Override
        public List<RelatednessView> relatedness() {
            return List.of(
                    new TaskMatrix("mixing weights α", TASKS, new double[][] {{0.75, 0.25}, {0.5, 0.5}}, false),
                    new TaskMatrix("mixing weights α", TASKS, new double[][] {{1, 0}, {0, 1}}, true),
                    new AllocationMatrix("layer 1 use", TASKS, List.of("u1", "u2"), new double[][] {{1, 0}, {0, 1}}),
                    new GroupSparsity("ARD γ", List.of("g1"), new double[] {3}, TASKS, new double[][] {{1}, {2}}),
                    new TaskTree("coalescent tree", Node.merge(Node.leaf("a"), Node.leaf("b"), 2)));
        }
    };

    private static MultiTaskDataset data(double[] ya, double[] yb) {
        return new MultiTaskDataset("toy", List.of("x"), TargetType.REGRESSION, List.of(),
                List.of(Task.of("a", new double[ya.length][1], ya), Task.of("b", new double[yb.length][1], yb)));
    }

    private RunResult result() {
        MultiTaskDataset train = data(new double[] {0, 2}, new double[] {1});
        MultiTaskDataset test = data(new double[] {3}, new double[] {1, 1});
        Evaluation trainEval = Metrics.evaluate(MODEL, train);
        Evaluation testEval = Metrics.evaluate(MODEL, test);
        List<TraceRow> trace = List.of(
                new TraceRow(1, 5, Map.of("negative ELBO", 10.0), Map.of("tau", 1.0), Map.of(), Map.of()),
                new TraceRow(2, 9, Map.of("negative ELBO", 8.0), Map.of("tau", 0.5, "lr", 0.1),
                        trainEval.overall(), testEval.overall()));
        Provenance p = new Provenance("toy-model", Map.of("steps", 2, "tau", 0.5, "kind", "x"), 11,
                new DataInfo("toy", "/data/toy.csv", "ff00", "1 training row per task, seed 3"), "dev", "17",
                "Linux", "cpu", Instant.parse("2025-01-02T03:04:05Z"), 1.25, 2, RunState.COMPLETED, null);
        return new RunResult(RunState.COMPLETED, MODEL, trainEval, testEval, trace, p, null);
    }

    @Test
    void writesFilesThatParseBack() throws IOException {
        RunResult r = result();
        List<Path> written = RunOutputs.write(r, data(new double[] {0, 2, 3}, new double[] {1, 1, 1}),
                dir.resolve("out"));
        Path out = dir.resolve("out");
        assertThat(written).extracting(f -> f.getFileName().toString()).containsExactly("metrics.json",
                "trace.csv", "mixing-weights-alpha.csv", "mixing-weights-alpha-2.csv", "layer-1-use.csv",
                "ard-gamma.csv", "coalescent-tree.nwk", "provenance.json");
        assertThat(written).allMatch(Files::isRegularFile);

        JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertThat(m.get("model").asText()).isEqualTo("toy-model");
        assertThat(m.get("seed").asLong()).isEqualTo(11);
        assertThat(m.get("split").asText()).isEqualTo("1 training row per task, seed 3");
        assertThat(m.get("data").get("sha256").asText()).isEqualTo("ff00");
        assertThat(m.get("data").get("rows").asInt()).isEqualTo(6);
        // test rows: y {3}, {1, 1}, prediction 1 → pooled RMSE sqrt(4/3)
        assertThat(m.get("mean").get("rmse").asDouble()).isEqualTo(Math.sqrt(4.0 / 3));
        assertThat(m.get("mean").get("rows").asInt()).isEqualTo(3);
        assertThat(m.get("taskAverage").get("rmse").asDouble()).isEqualTo(1.0); // (2 + 0) / 2
        assertThat(m.get("train").get("rmse").asDouble()).isEqualTo(r.train().get(Metrics.RMSE));
        assertThat(m.get("tasks")).hasSize(2);
        assertThat(m.get("tasks").get(1).get("task").asText()).isEqualTo("b");
        assertThat(m.get("tasks").get(1).get("rmse").asDouble()).isEqualTo(0.0);
        // task b's test targets are constant: explained variance undefined, written as null
        assertThat(m.get("tasks").get(1).get("explained_variance").isNull()).isTrue();

        List<CSVRecord> trace = MatrixCsvTest.read(out.resolve("trace.csv"));
        assertThat(trace.get(0).toList()).containsExactly("step", "elapsed_ms", "negative ELBO", "tau", "lr",
                "train_rmse", "train_explained_variance", "train_nlpd", "train_rows", "test_rmse",
                "test_explained_variance", "test_nlpd", "test_rows");
        assertThat(trace).hasSize(3);
        assertThat(trace.get(1).toList()).containsExactly("1", "5", "10.0", "1.0", "", "", "", "", "", "", "", "",
                "");
        int testRmse = trace.get(0).toList().indexOf("test_rmse");
        assertThat(Double.parseDouble(trace.get(2).get(testRmse))).isEqualTo(Math.sqrt(4.0 / 3));

        TaskMatrix alpha = MatrixCsv.readTaskMatrix(out.resolve("mixing-weights-alpha.csv"), "α", false);
        assertThat(alpha.get(0, 1)).isEqualTo(0.25);
        assertThat(Files.readString(out.resolve("coalescent-tree.nwk")).trim()).isEqualTo("(a:2.00000,b:2.00000);");

        JsonNode p = new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
        assertThat(p.get("model").asText()).isEqualTo("toy-model");
        assertThat(p.get("params").get("steps").isIntegralNumber()).isTrue();
        assertThat(p.get("params").get("kind").asText()).isEqualTo("x");
        assertThat(p.get("data").get("path").asText()).isEqualTo("/data/toy.csv");
        assertThat(p.get("startedAt").asText()).isEqualTo("2025-01-02T03:04:05Z");
        assertThat(p.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(p.get("device").asText()).isEqualTo("cpu");
        assertThat(p.get("wallSeconds").asDouble()).isEqualTo(1.25);
        assertThat(p.get("error").isNull()).isTrue();
        try (var s = Files.list(out)) {
            assertThat(s.count()).as("no temporary files left").isEqualTo(written.size());
        }
    }

    @Test
    void aFailedRunWithoutModelStillWritesMetricsTraceAndProvenance() throws IOException {
        RunResult ok = result();
        Provenance p = ok.provenance();
        Provenance failed = new Provenance(p.modelId(), p.params(), p.seed(), p.data(), p.appVersion(),
                p.javaVersion(), p.os(), p.device(), p.startedAt(), 0.1, 0, RunState.FAILED, "loss is NaN");
        RunResult r = new RunResult(RunState.FAILED, null, null, null, List.of(), failed,
                new IllegalStateException("loss is NaN"));
        List<Path> written = RunOutputs.write(r, dir);
        assertThat(written).extracting(f -> f.getFileName().toString())
                .containsExactly("metrics.json", "trace.csv", "provenance.json");
        JsonNode m = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
        assertThat(m.get("mean").isNull()).isTrue();
        assertThat(m.get("error").asText()).isEqualTo("loss is NaN");
        assertThat(m.get("state").asText()).isEqualTo("FAILED");
        assertThat(MatrixCsvTest.read(dir.resolve("trace.csv")).get(0).toList())
                .containsExactly("step", "elapsed_ms");
    }

    @Test
    void traceColumnsThatClashGetAPrefix() {
        List<TraceRow> rows = List.of(new TraceRow(1, 0, Map.of("step", 1.0), Map.of("step", 2.0), Map.of(),
                Map.of()));
        assertThat(TraceCsv.columns(rows)).containsExactly("step", "elapsed_ms", "loss_step", "scalar_step");
    }
}
