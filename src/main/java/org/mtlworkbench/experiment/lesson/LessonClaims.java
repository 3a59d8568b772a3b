package org.mtlworkbench.experiment.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.mtlworkbench.data.DataImportException;
import org.mtlworkbench.experiment.DataPreparation;
import org.mtlworkbench.experiment.PreparedData;
import org.mtlworkbench.experiment.setup.Setup;
import org.mtlworkbench.experiment.setup.SetupData;
import org.mtlworkbench.experiment.setup.SetupRunner;
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
        RunResult reference = null;
        if (claim.needsReference()) {
            Setup ref = new Setup(setup.data(), setup.split(), claim.reference(), setup.seed(), null, null);
            reference = SetupRunner.train(ref, data, SetupRunner.factory(ref, registry));
        }
        return ClaimCheck.check(claim, new ClaimCheck.Input(result, reference, groundTruth(data.groundTruth()),
                prepared.split().test()));
    }
}
