package org.mtlworkbench.experiment.lesson;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.mtlworkbench.relatedness.TaskTree;

/** The clades (leaf sets of inner nodes) of a tree, from a learned {@link TaskTree} or a planted Newick string. */
final class Clades {

    private Clades() {
    }

    /** Every inner node's leaf set with at least two and fewer than all leaves (the root's set says nothing). */
    static Set<Set<String>> of(TaskTree tree) {
        Set<Set<String>> out = new HashSet<>();
        Set<String> all = collect(tree.root(), out);
        out.remove(all);
        return out;
    }

    private static Set<String> collect(TaskTree.Node n, Set<Set<String>> out) {
        if (n.isLeaf()) {
            return Set.of(n.task());
        }
        Set<String> s = new TreeSet<>(collect(n.left(), out));
        s.addAll(collect(n.right(), out));
        out.add(s);
        return s;
    }

    /** The clades of a Newick tree such as {@code ((a:1,b:1):2,c:3);} (names and lengths; no quoting). */
    static Set<Set<String>> ofNewick(String newick) {
        Set<Set<String>> out = new HashSet<>();
        int[] pos = {0};
        Set<String> all = parse(newick.strip(), pos, out);
        out.remove(all);
        return out;
    }

    private static Set<String> parse(String s, int[] pos, Set<Set<String>> out) {
        if (pos[0] < s.length() && s.charAt(pos[0]) == '(') {
            Set<String> leaves = new TreeSet<>();
            do {
                pos[0]++; // '(' or ','
                leaves.addAll(parse(s, pos, out));
            } while (pos[0] < s.length() && s.charAt(pos[0]) == ',');
            if (pos[0] >= s.length() || s.charAt(pos[0]) != ')') {
                throw new IllegalArgumentException("Newick: expected ')' at character " + (pos[0] + 1) + " of " + s);
            }
            pos[0]++;
            label(s, pos);
            out.add(leaves);
            return leaves;
        }
        String name = label(s, pos);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Newick: a leaf without a name at character " + (pos[0] + 1));
        }
        return Set.of(name);
    }

    /** Reads a name and an optional ":length"; returns the name. */
    private static String label(String s, int[] pos) {
        int start = pos[0];
        while (pos[0] < s.length() && ",():;".indexOf(s.charAt(pos[0])) < 0) {
            pos[0]++;
        }
        String name = s.substring(start, pos[0]).strip();
        if (pos[0] < s.length() && s.charAt(pos[0]) == ':') {
            pos[0]++;
            while (pos[0] < s.length() && ",();".indexOf(s.charAt(pos[0])) < 0) {
                pos[0]++;
            }
        }
        return name;
    }
}
