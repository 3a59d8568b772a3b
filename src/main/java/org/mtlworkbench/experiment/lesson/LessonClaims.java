package org.mtlworkbench.experiment.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.mtlworkbench.data.DataImportException;
import org.mtlworkbench.experiment.DataPreparation;
import org.mtlworkbench.experiment.PreparedData;
import org.mtlworkbench.experiment.setup.Setup;
import org.mtlworkbench.experiment.setup.SetupData;
import org.mtlworkbench.experiment.setup.SetupRunner;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.ModelRegistry;
import org.mtlworkbench.train.RunResult;

/**
 * Checks a step's claim on a trained run: trains the claim's reference model on the same data, split and seed when
 * the claim compares, reads the planted ground truth, and runs {@link ClaimCheck}. Blocking: call it off the FX
 * thread.
 */
public final class LessonClaims {

    private LessonClaims() {
    }

    /** The {@code groundTruth} object of a sample's ground_truth.json, or null when there is none. */
    public static JsonNode groundTruth(Path file) throws IOException {
        if (file == null) {
            return null;
        }
        return new ObjectMapper().readTree(file.toFile()).get("groundTruth");
    }

    /** Checks {@code claim} on {@code result}, trained on {@code setup} with {@code data}. */
    public static ClaimResult check(Claim claim, Setup setup, SetupData data, RunResult result, ModelRegistry registry)
            throws IOException, DataImportException, InterruptedException {
        PreparedData prepared = DataPreparation.prepare(data.request(setup));
        return check(claim, prepared, setup.seedOr1(), result, data.groundTruth(), registry.all());
    }

    /**
     * Checks {@code claim} on {@code result}, which was trained on {@code prepared} with {@code seed}; the reference
     * model (when the claim compares) is trained on the same split and seed, from {@code factories}.
     */
    public static ClaimResult check(Claim claim, PreparedData prepared, long seed, RunResult result,
                                    Path groundTruthFile, List<ModelFactory> factories)
            throws IOException, InterruptedException {
        RunResult reference = null;
        if (claim.needsReference()) {
            ModelFactory f = factories.stream().filter(m -> m.id().equals(claim.reference().id())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the claim's reference model \""
                            + claim.reference().id() + "\" is not installed"));
            reference = SetupRunner.train(prepared, f, claim.reference().toModelRef().toParamValues(f), seed);
        }
        return ClaimCheck.check(claim, new ClaimCheck.Input(result, reference, groundTruth(groundTruthFile),
                prepared.split().test()));
    }
}
