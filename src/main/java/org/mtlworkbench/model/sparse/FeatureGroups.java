package org.mtlworkbench.model.sparse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The feature groups W is split into, and the permutation that makes every group a contiguous block of columns.
 * Built from the {@code groups} parameter: one group per feature, groups by name prefix, or blocks of a fixed
 * size in column order.
 *
 * @param names   group names, in order
 * @param members per group, the original feature indices (ascending)
 */
record FeatureGroups(List<String> names, List<int[]> members) {

    static final String PER_FEATURE = "per-feature";
    static final String BY_PREFIX = "by-prefix";
    static final String BLOCKS = "blocks";
    static final List<String> CHOICES = List.of(PER_FEATURE, BY_PREFIX, BLOCKS);

    FeatureGroups {
        names = List.copyOf(names);
        members = List.copyOf(members);
    }

    static FeatureGroups of(String mode, int blockSize, List<String> featureNames) {
        int d = featureNames.size();
        Map<String, List<Integer>> byName = new LinkedHashMap<>();
        for (int j = 0; j < d; j++) {
            String key = switch (mode) {
                case PER_FEATURE -> featureNames.get(j);
                case BY_PREFIX -> prefix(featureNames.get(j));
                case BLOCKS -> blockName(featureNames, j / blockSize, blockSize);
                default -> throw new IllegalArgumentException("unknown feature grouping '" + mode + "'");
            };
            byName.computeIfAbsent(key, k -> new ArrayList<>()).add(j);
        }
        List<String> names = new ArrayList<>(byName.keySet());
        List<int[]> members = new ArrayList<>();
        for (List<Integer> m : byName.values()) {
            members.add(m.stream().mapToInt(Integer::intValue).toArray());
        }
        return new FeatureGroups(names, members);
    }

    /**
     * The group key of a feature name: the text before the first '_' when there is one ("pos_3" → "pos"),
     * else the name without trailing digits and separators ("vel7" → "vel"), else the name itself.
     */
    static String prefix(String name) {
        int us = name.indexOf('_');
        if (us > 0) {
            return name.substring(0, us);
        }
        int end = name.length();
        while (end > 0 && (Character.isDigit(name.charAt(end - 1)) || name.charAt(end - 1) == '.'
                || name.charAt(end - 1) == '-')) {
            end--;
        }
        return end == 0 ? name : name.substring(0, end);
    }

    private static String blockName(List<String> featureNames, int block, int size) {
        int first = block * size;
        int last = Math.min(featureNames.size(), first + size) - 1;
        return first == last ? featureNames.get(first) : featureNames.get(first) + ".." + featureNames.get(last);
    }

    int count() {
        return names.size();
    }

    int size(int group) {
        return members.get(group).length;
    }

    /** perm[k] = the original index of the k-th feature in grouped order. */
    int[] permutation() {
        int total = members.stream().mapToInt(m -> m.length).sum();
        int[] perm = new int[total];
        int k = 0;
        for (int[] m : members) {
            for (int j : m) {
                perm[k++] = j;
            }
        }
        return perm;
    }

    /** Start column of each group in grouped order, plus the total at the end. */
    int[] offsets() {
        int[] off = new int[members.size() + 1];
        for (int g = 0; g < members.size(); g++) {
            off[g + 1] = off[g] + members.get(g).length;
        }
        return off;
    }
}
