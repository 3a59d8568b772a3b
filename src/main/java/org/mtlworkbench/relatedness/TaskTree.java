package org.mtlworkbench.relatedness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A rooted binary tree over tasks with a height (merge time, measured back from the leaves at 0) on every node.
 * Immutable. Written as Newick with branch lengths = parent height − child height.
 */
public record TaskTree(String title, Node root) implements RelatednessView {

    /** A leaf (task != null, no children) or an internal node (two children). */
    public record Node(String task, double height, Node left, Node right) {
        public Node {
            if ((left == null) != (right == null)) {
                throw new IllegalArgumentException("a node has zero or two children");
            }
            if (left == null && task == null) {
                throw new IllegalArgumentException("a leaf needs a task name");
            }
            if (left != null && (left.height > height + 1e-12 || right.height > height + 1e-12)) {
                throw new IllegalArgumentException("a child is higher than its parent");
            }
        }

        public static Node leaf(String task) {
            return new Node(task, 0.0, null, null);
        }

        public static Node merge(Node a, Node b, double height) {
            return new Node(null, height, a, b);
        }

        public boolean isLeaf() {
            return left == null;
        }
    }

    public TaskTree {
        Objects.requireNonNull(root);
    }

    /** Leaf names, left to right. */
    public List<String> leaves() {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (n.isLeaf()) {
            out.add(n.task());
        } else {
            collect(n.left(), out);
            collect(n.right(), out);
        }
    }

    /** Newick text, e.g. {@code ((a:1,b:1):0.5,c:1.5);}; names with special characters are quoted. */
    public String toNewick() {
        StringBuilder sb = new StringBuilder();
        write(root, Double.NaN, sb);
        return sb.append(';').toString();
    }

    private static void write(Node n, double parentHeight, StringBuilder sb) {
        if (n.isLeaf()) {
            sb.append(quote(n.task()));
        } else {
            sb.append('(');
            write(n.left(), n.height(), sb);
            sb.append(',');
            write(n.right(), n.height(), sb);
            sb.append(')');
        }
        if (!Double.isNaN(parentHeight)) {
            sb.append(':').append(String.format(Locale.ROOT, "%.6g", parentHeight - n.height()));
        }
    }

    static String quote(String name) {
        if (name.matches("[A-Za-z0-9_.\\-]+")) {
            return name;
        }
        return "'" + name.replace("'", "''") + "'";
    }

    /** Height of the lowest common ancestor of two leaves (the cophenetic distance is twice that). */
    public double mergeHeight(String a, String b) {
        double[] result = {Double.NaN};
        lca(root, a, b, result);
        return result[0];
    }

    private static int lca(Node n, String a, String b, double[] result) {
        if (n.isLeaf()) {
            return (n.task().equals(a) ? 1 : 0) | (n.task().equals(b) ? 2 : 0);
        }
        int l = lca(n.left(), a, b, result);
        int r = lca(n.right(), a, b, result);
        int both = l | r;
        if (both == 3 && l != 3 && r != 3) {
            result[0] = n.height();
        }
        if (a.equals(b) && both == 3 && n.isLeaf()) {
            result[0] = 0;
        }
        return both;
    }
}
