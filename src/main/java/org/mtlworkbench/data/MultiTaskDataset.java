package org.mtlworkbench.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable set of related tasks that share one feature space and one target type.
 *
 * <p>For classification, {@link Task#y()} holds indices into {@link #classLabels()}; the label set is shared
 * by all tasks. Task features (for gating models) are optional: empty map when absent, otherwise one vector
 * per task, all of the length of {@link #taskFeatureNames()}.
 */
public final class MultiTaskDataset {

    private final String name;
    private final List<String> featureNames;
    private final TargetType targetType;
    private final List<String> classLabels;
    private final List<Task> tasks;
    private final List<String> taskFeatureNames;
    private final Map<String, double[]> taskFeatures;

    public MultiTaskDataset(String name, List<String> featureNames, TargetType targetType,
                            List<String> classLabels, List<Task> tasks,
                            List<String> taskFeatureNames, Map<String, double[]> taskFeatures) {
        this.name = Objects.requireNonNull(name);
        this.featureNames = List.copyOf(featureNames);
        this.targetType = Objects.requireNonNull(targetType);
        this.classLabels = List.copyOf(classLabels);
        this.tasks = List.copyOf(tasks);
        this.taskFeatureNames = List.copyOf(taskFeatureNames);
        Map<String, double[]> tf = new LinkedHashMap<>();
        taskFeatures.forEach((k, v) -> tf.put(k, v.clone()));
        this.taskFeatures = Collections.unmodifiableMap(tf);
        validate();
    }

    /** A data set without task features. */
    public MultiTaskDataset(String name, List<String> featureNames, TargetType targetType,
                            List<String> classLabels, List<Task> tasks) {
        this(name, featureNames, targetType, classLabels, tasks, List.of(), Map.of());
    }

    private void validate() {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("data set " + name + " has no tasks");
        }
        if (targetType == TargetType.CLASSIFICATION && classLabels.size() < 2) {
            throw new IllegalArgumentException("classification needs at least two class labels");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Task t : tasks) {
            if (!seen.add(t.name())) {
                throw new IllegalArgumentException("task name '" + t.name() + "' appears twice");
            }
            if (t.size() > 0 && t.featureCount() != featureNames.size()) {
                throw new IllegalArgumentException("task " + t.name() + " has " + t.featureCount()
                        + " features, the data set names " + featureNames.size());
            }
        }
        for (Map.Entry<String, double[]> e : taskFeatures.entrySet()) {
            if (e.getValue().length != taskFeatureNames.size()) {
                throw new IllegalArgumentException("task features of " + e.getKey() + " have length "
                        + e.getValue().length + ", expected " + taskFeatureNames.size());
            }
        }
    }

    public String name() {
        return name;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public int featureCount() {
        return featureNames.size();
    }

    public TargetType targetType() {
        return targetType;
    }

    public boolean isClassification() {
        return targetType == TargetType.CLASSIFICATION;
    }

    public List<String> classLabels() {
        return classLabels;
    }

    public int classCount() {
        return classLabels.size();
    }

    public List<Task> tasks() {
        return tasks;
    }

    public int taskCount() {
        return tasks.size();
    }

    public Task task(int index) {
        return tasks.get(index);
    }

    public List<String> taskNames() {
        List<String> names = new ArrayList<>(tasks.size());
        for (Task t : tasks) {
            names.add(t.name());
        }
        return names;
    }

    public int totalRows() {
        int n = 0;
        for (Task t : tasks) {
            n += t.size();
        }
        return n;
    }

    public List<String> taskFeatureNames() {
        return taskFeatureNames;
    }

    public boolean hasTaskFeatures() {
        return !taskFeatureNames.isEmpty();
    }

    /** The task-feature vector of a task (a copy), or null when the data set has none for it. */
    public double[] taskFeatures(String task) {
        double[] f = taskFeatures.get(task);
        return f == null ? null : f.clone();
    }

    /** The same data set with other tasks (same features, target type, labels and task features). */
    public MultiTaskDataset withTasks(String newName, List<Task> newTasks) {
        return new MultiTaskDataset(newName, featureNames, targetType, classLabels, newTasks,
                taskFeatureNames, taskFeatures);
    }

    /** The same data set with task features attached. */
    public MultiTaskDataset withTaskFeatures(List<String> names, Map<String, double[]> features) {
        return new MultiTaskDataset(name, featureNames, targetType, classLabels, tasks, names, features);
    }

    @Override
    public String toString() {
        return name + " (" + tasks.size() + " tasks, " + totalRows() + " rows, " + featureNames.size()
                + " features, " + targetType.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
