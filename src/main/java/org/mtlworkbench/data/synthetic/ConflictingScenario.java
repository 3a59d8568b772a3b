package org.mtlworkbench.data.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;

/**
 * ALGORITHMS.md §8.7: six four-class tasks on the same inputs in three groups. Within a group the labels are
 * identical; group B relabels group A's class k as k + 1 (mod 4) and group C as k + 2, so tasks of different groups
 * disagree on every row. The base labelling is nonlinear: the class of the nearest of twelve prototypes.
 */
final class ConflictingScenario extends AbstractScenario {

    static final int FEATURES = 8;
    static final int CLASSES = 4;
    static final int PROTOTYPES_PER_CLASS = 3;
    static final int ROWS = 200;
    static final double PROTOTYPE_SD = 2.0;
    static final double BLOB_SD = 1.0;
    static final String[] GROUPS = {"A", "B", "C"};
    static final int TASKS_PER_GROUP = 2;

    ConflictingScenario() {
        super("conflicting", "Conflicting classification tasks",
                "Six classification tasks (t01 to t06) that all look at the very same 200 points with eight "
                + "inputs x1 to x8 and sort each point into one of four classes c0 to c3. The basic sorting rule "
                + "is nonlinear: each class owns three small clouds scattered through the space, and a point "
                + "gets the class of the nearest cloud centre. Tasks t01 and t02 (group A) use this rule as it "
                + "is and agree on every point; t03 and t04 (group B) rename every class one step on (c0 becomes "
                + "c1, …, c3 becomes c0); t05 and t06 (group C) rename it two steps on. Tasks from different "
                + "groups therefore disagree on every single point, although they need the same features to "
                + "decide. A good routing model should let tasks of a group share everything, and let "
                + "conflicting groups share the early, feature-building layers but keep separate components at "
                + "the end.");
    }

    @Override
    MultiTaskDataset build(SyntheticRandom rng, Map<String, Object> truth) {
        int m = CLASSES * PROTOTYPES_PER_CLASS;
        double[][] prototypes = SyntheticRandom.round(rng.gaussianMatrix(m, FEATURES, PROTOTYPE_SD));
        int[] prototypeClass = new int[m];
        for (int j = 0; j < m; j++) {
            prototypeClass[j] = j % CLASSES;
        }
        double[][] x = new double[ROWS][];
        int[] base = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            x[i] = SyntheticRandom.round(rng.gaussian(prototypes[rng.nextInt(m)], BLOB_SD));
            base[i] = prototypeClass[nearest(prototypes, x[i])];
        }
        List<String> tasks = new ArrayList<>();
        List<String> groupOf = new ArrayList<>();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        Map<String, int[]> permutation = new LinkedHashMap<>();
        TaskList list = new TaskList();
        for (int g = 0; g < GROUPS.length; g++) {
            int[] perm = new int[CLASSES];
            for (int k = 0; k < CLASSES; k++) {
                perm[k] = (k + g) % CLASSES;
            }
            permutation.put(GROUPS[g], perm);
            List<String> members = new ArrayList<>();
            for (int r = 0; r < TASKS_PER_GROUP; r++) {
                String name = taskName(tasks.size());
                double[] y = new double[ROWS];
                for (int i = 0; i < ROWS; i++) {
                    y[i] = perm[base[i]];
                }
                list.add(name, x, y);
                tasks.add(name);
                groupOf.add(GROUPS[g]);
                members.add(name);
            }
            groups.put(GROUPS[g], members);
        }
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < CLASSES; k++) {
            labels.add("c" + k);
        }
        List<List<String>> conflicts = new ArrayList<>();
        for (int a = 0; a < GROUPS.length; a++) {
            for (int b = a + 1; b < GROUPS.length; b++) {
                conflicts.add(List.of(GROUPS[a], GROUPS[b]));
            }
        }
        truth.put("generativeModel", "x ~ N(p_j, I₈) for a uniformly chosen prototype p_j ~ N(0, 2² I₈) "
                + "(12 prototypes, prototype j has class j mod 4); base label = class of the nearest prototype; "
                + "task label = permutation of its group applied to the base label; all tasks share the rows");
        truth.put("sharedInputs", true);
        truth.put("groupOfTask", byTask(tasks, groupOf));
        truth.put("groups", groups);
        truth.put("labelPermutation", permutation);
        truth.put("conflictingGroups", conflicts);
        truth.put("prototypes", prototypes);
        truth.put("prototypeClass", prototypeClass);
        return new MultiTaskDataset(id(), names("x", FEATURES), TargetType.CLASSIFICATION, labels, list.tasks());
    }

    static int nearest(double[][] prototypes, double[] x) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int j = 0; j < prototypes.length; j++) {
            double d = 0;
            for (int k = 0; k < x.length; k++) {
                double diff = x[k] - prototypes[j][k];
                d += diff * diff;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = j;
            }
        }
        return best;
    }

    @Override
    Map<String, String> groundTruthGuide() {
        Map<String, String> g = new LinkedHashMap<>();
        g.put("generativeModel", "the process the inputs and labels were drawn from");
        g.put("sharedInputs", "true: every task has the same input rows, in the same order");
        g.put("groupOfTask", "task → its group (A, B or C)");
        g.put("groups", "group → its tasks");
        g.put("labelPermutation", "group → permutation π: the task's class index is π[base class index] "
                + "(A is the identity)");
        g.put("conflictingGroups", "pairs of groups whose labels disagree on every row");
        g.put("prototypes", "the twelve prototype points (12 × 8)");
        g.put("prototypeClass", "the base class index of each prototype");
        return g;
    }

    @Override
    String targetNote() {
        return "`target`: class label `c0`, `c1`, `c2` or `c3` (four-class classification)";
    }
}
