package org.mtlworkbench.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mtlworkbench.relatedness.AllocationMatrix;
import org.mtlworkbench.relatedness.RelatednessView;
import org.mtlworkbench.relatedness.TaskMatrix;
import org.mtlworkbench.relatedness.TaskTree;

/**
 * What a sample data set's {@code ground_truth.json} says about its tasks, as the same view types the models report,
 * so the workbench can show the truth beside the learned view: clusters or groups as a co-membership matrix and an
 * allocation, partners as a matrix, a true correlation matrix, a true tree, and the truly active feature groups.
 *
 * @param views        truth views (may be empty)
 * @param activeGroups indices of the feature groups active in the truth (empty when the scenario has none)
 * @param groupCount   how many feature groups the truth has (0 when none)
 */
record GroundTruth(List<RelatednessView> views, Set<Integer> activeGroups, int groupCount) {

    static final GroundTruth NONE = new GroundTruth(List.of(), Set.of(), 0);

    /** Reads {@code ground_truth.json}; NONE when the file is missing. */
    static GroundTruth read(Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            return NONE;
        }
        JsonNode g = new ObjectMapper().readTree(file.toFile()).path("groundTruth");
        List<RelatednessView> views = new ArrayList<>();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        if (g.has("clusters")) {
            int k = 0;
            for (JsonNode c : g.get("clusters")) {
                groups.put("cluster " + k++, strings(c));
            }
        } else if (g.has("groups") && g.get("groups").isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = g.get("groups").fields(); it.hasNext(); ) {
                var e = it.next();
                groups.put("group " + e.getKey(), strings(e.getValue()));
            }
        }
        if (!groups.isEmpty()) {
            views.add(coMembership(groups));
            views.add(allocation(groups));
        }
        if (g.has("partner")) {
            views.add(partners(g.get("partner")));
        }
        if (g.has("taskCorrelation") && g.has("taskSign")) {
            List<String> tasks = new ArrayList<>();
            g.get("taskSign").fieldNames().forEachRemaining(tasks::add);
            views.add(new TaskMatrix("true task correlation (ground truth)", tasks, matrix(g.get("taskCorrelation")),
                    true));
        }
        if (g.has("newick")) {
            views.add(NewickParser.parse("true tree (ground truth)", g.get("newick").asText()));
        }
        Set<Integer> active = new LinkedHashSet<>();
        if (g.has("activeGroups")) {
            for (JsonNode a : g.get("activeGroups")) {
                active.add(a.asInt());
            }
        }
        int groupCount = g.has("featureGroups") ? g.get("featureGroups").size() : 0;
        return new GroundTruth(List.copyOf(views), Set.copyOf(active), groupCount);
    }

    /** The truth views of the same kind as {@code learned} (matrix beside matrix, tree beside tree). */
    List<RelatednessView> matching(RelatednessView learned) {
        List<RelatednessView> out = new ArrayList<>();
        for (RelatednessView v : views) {
            if (v.getClass() == learned.getClass()) {
                out.add(v);
            }
        }
        return out;
    }

    private static TaskMatrix coMembership(Map<String, List<String>> groups) {
        List<String> tasks = allTasks(groups);
        double[][] m = new double[tasks.size()][tasks.size()];
        for (List<String> members : groups.values()) {
            for (String a : members) {
                for (String b : members) {
                    m[tasks.indexOf(a)][tasks.indexOf(b)] = 1;
                }
            }
        }
        return new TaskMatrix("true co-membership (ground truth)", tasks, m, true);
    }

    private static AllocationMatrix allocation(Map<String, List<String>> groups) {
        List<String> tasks = allTasks(groups);
        List<String> names = new ArrayList<>(groups.keySet());
        double[][] m = new double[tasks.size()][names.size()];
        for (int c = 0; c < names.size(); c++) {
            for (String t : groups.get(names.get(c))) {
                m[tasks.indexOf(t)][c] = 1;
            }
        }
        return new AllocationMatrix("true allocation (ground truth)", tasks, names, m);
    }

    private static TaskMatrix partners(JsonNode partner) {
        List<String> tasks = new ArrayList<>();
        partner.fieldNames().forEachRemaining(tasks::add);
        tasks.sort(null);
        double[][] m = new double[tasks.size()][tasks.size()];
        for (int i = 0; i < tasks.size(); i++) {
            m[i][i] = 1;
            JsonNode p = partner.get(tasks.get(i));
            if (p != null && !p.isNull()) {
                m[i][tasks.indexOf(p.asText())] = 1;
            }
        }
        return new TaskMatrix("true partners (ground truth)", tasks, m, true);
    }

    private static List<String> allTasks(Map<String, List<String>> groups) {
        List<String> tasks = new ArrayList<>();
        groups.values().forEach(tasks::addAll);
        tasks.sort(null);
        return tasks;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            m[i] = new double[r.size()];
            for (int j = 0; j < r.size(); j++) {
                m[i][j] = r.get(j).asDouble();
            }
        }
        return m;
    }
}
