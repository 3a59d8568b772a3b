package org.mtlworkbench.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtlworkbench.data.MultiTaskDataset;

class TreeScenarioTest {

    private static final Scenario SCENARIO = Scenarios.get("tree");

    /** Heights are rounded to 5 decimals and printed with 6 significant digits: exact below height 10. */
    private static final double TOLERANCE = 1e-4;

    /** Clades of a parsed tree with their heights above the leaves (root height − depth). */
    private record Clade(Set<String> leaves, double height) {
    }

    @ParameterizedTest
    @ValueSource(longs = {Scenarios.DEFAULT_SEED, 1, 2, 3})
    void newickParsesBackToAnUltrametricTreeOverTheTasks(long seed) {
        GeneratedScenario g = SCENARIO.generate(seed);
        Newick.Node root = Newick.parse((String) g.groundTruth().get("newick"));
        assertThat(root.leaves()).containsExactlyInAnyOrderElementsOf(g.dataset().taskNames()).hasSize(8);
        double rootHeight = ((Number) g.groundTruth().get("rootHeight")).doubleValue();
        Map<String, Double> depth = new HashMap<>();
        depths(root, 0, depth);
        assertThat(depth.values()).allSatisfy(d -> assertThat(d).isCloseTo(rootHeight, within(TOLERANCE)));
        assertThat(allLengths(root, new ArrayList<>())).allSatisfy(l -> assertThat(l).isGreaterThanOrEqualTo(0));
    }

    @Test
    void internalNodesMatchTheNewickCladesAndHeights() {
        GeneratedScenario g = SCENARIO.generate(Scenarios.DEFAULT_SEED);
        double rootHeight = ((Number) g.groundTruth().get("rootHeight")).doubleValue();
        List<Clade> parsed = clades(Newick.parse((String) g.groundTruth().get("newick")), rootHeight);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) g.groundTruth().get("internalNodes");
        assertThat(nodes).hasSize(7);
        double previous = 0;
        for (Map<String, Object> node : nodes) {
            @SuppressWarnings("unchecked")
            Set<String> leaves = new HashSet<>((List<String>) node.get("leaves"));
            double height = ((Number) node.get("height")).doubleValue();
            assertThat(height).isGreaterThanOrEqualTo(previous);
            previous = height;
            Clade match = parsed.stream().filter(c -> c.leaves().equals(leaves)).findFirst().orElseThrow();
            assertThat(match.height()).isCloseTo(height, within(TOLERANCE));
        }
        assertThat(previous).isEqualTo(rootHeight);
    }

    @Test
    void copheneticDistanceIsTwiceTheMergeHeightInTheNewick() {
        GeneratedScenario g = SCENARIO.generate(Scenarios.DEFAULT_SEED);
        double rootHeight = ((Number) g.groundTruth().get("rootHeight")).doubleValue();
        List<Clade> parsed = clades(Newick.parse((String) g.groundTruth().get("newick")), rootHeight);
        double[][] cophenetic = (double[][]) g.groundTruth().get("copheneticDistance");
        List<String> tasks = g.dataset().taskNames();
        for (int i = 0; i < tasks.size(); i++) {
            for (int j = 0; j < tasks.size(); j++) {
                double expected = i == j ? 0 : 2 * mergeHeight(parsed, tasks.get(i), tasks.get(j));
                assertThat(cophenetic[i][j]).isCloseTo(expected, within(2 * TOLERANCE));
            }
        }
    }

    /**
     * Brownian motion makes E‖w_a − w_b‖² = d·Λ·cophenetic(a, b): the squared distances of the least-squares leaf
     * weights, estimated from the data, must rise with the cophenetic distance of the parsed tree.
     */
    @Test
    void estimatedLeafWeightDistancesFollowTheCopheneticDistance() {
        double sum = 0;
        long[] seeds = {Scenarios.DEFAULT_SEED, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        for (long seed : seeds) {
            GeneratedScenario g = SCENARIO.generate(seed);
            double r = copheneticCorrelation(g);
            if (seed == Scenarios.DEFAULT_SEED) {
                assertThat(r).as("default seed").isGreaterThan(0.6);
            }
            sum += r;
        }
        assertThat(sum / seeds.length).isGreaterThan(0.5);
    }

    @Test
    void leafWeightsAreWhatTheDataSay() {
        GeneratedScenario g = SCENARIO.generate(Scenarios.DEFAULT_SEED);
        @SuppressWarnings("unchecked")
        Map<String, double[]> truth = (Map<String, double[]>) g.groundTruth().get("leafWeights");
        double[][] estimated = ClusteredScenarioTest.estimatedWeights(g.dataset(), 30);
        for (int i = 0; i < estimated.length; i++) {
            // noise sd 0.2 over 30 rows: error sd ≈ 0.04 per weight
            assertThat(Estimates.distance(estimated[i], truth.get(g.dataset().task(i).name()))).isLessThan(0.3);
        }
    }

    static double copheneticCorrelation(GeneratedScenario g) {
        MultiTaskDataset ds = g.dataset();
        double rootHeight = ((Number) g.groundTruth().get("rootHeight")).doubleValue();
        List<Clade> parsed = clades(Newick.parse((String) g.groundTruth().get("newick")), rootHeight);
        double[][] w = ClusteredScenarioTest.estimatedWeights(ds, 30);
        List<Double> squared = new ArrayList<>();
        List<Double> cophenetic = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            for (int j = i + 1; j < w.length; j++) {
                double d = Estimates.distance(w[i], w[j]);
                squared.add(d * d);
                cophenetic.add(2 * mergeHeight(parsed, ds.task(i).name(), ds.task(j).name()));
            }
        }
        return Estimates.pearson(squared.stream().mapToDouble(Double::doubleValue).toArray(),
                cophenetic.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double mergeHeight(List<Clade> clades, String a, String b) {
        return clades.stream().filter(c -> c.leaves().contains(a) && c.leaves().contains(b))
                .mapToDouble(Clade::height).min().orElseThrow();
    }

    private static List<Clade> clades(Newick.Node root, double rootHeight) {
        List<Clade> out = new ArrayList<>();
        collect(root, 0, rootHeight, out);
        return out;
    }

    private static void collect(Newick.Node n, double depth, double rootHeight, List<Clade> out) {
        if (n.isLeaf()) {
            return;
        }
        out.add(new Clade(new HashSet<>(n.leaves()), rootHeight - depth));
        for (Newick.Node c : n.children()) {
            collect(c, depth + c.length(), rootHeight, out);
        }
    }

    private static void depths(Newick.Node n, double depth, Map<String, Double> out) {
        if (n.isLeaf()) {
            out.put(n.name(), depth);
        }
        for (Newick.Node c : n.children()) {
            depths(c, depth + c.length(), out);
        }
    }

    private static List<Double> allLengths(Newick.Node n, List<Double> out) {
        for (Newick.Node c : n.children()) {
            out.add(c.length());
            allLengths(c, out);
        }
        return out;
    }
}
