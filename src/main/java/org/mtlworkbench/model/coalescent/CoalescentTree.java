package org.mtlworkbench.model.coalescent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mtlworkbench.relatedness.TaskMatrix;
import org.mtlworkbench.relatedness.TaskTree;

/**
 * A binary tree over K leaves (the tasks) with a height on every node. Nodes 0..K−1 are the leaves in task order,
 * node K + i is the i-th merge. Immutable.
 */
public final class CoalescentTree {

    private final int leafCount;
    private final int[] left;
    private final int[] right;
    private final int[] parent;
    private final double[] height;

    /**
     * @param leafCount        K ≥ 1
     * @param left             children of merge i (node ids), K − 1 entries
     * @param right            the other children
     * @param internalHeights  height of merge i, ≥ both children's heights
     */
    public CoalescentTree(int leafCount, int[] left, int[] right, double[] internalHeights) {
        if (leafCount < 1 || left.length != leafCount - 1 || right.length != leafCount - 1
                || internalHeights.length != leafCount - 1) {
            throw new IllegalArgumentException("a tree over " + leafCount + " leaves needs " + (leafCount - 1)
                    + " merges");
        }
        this.leafCount = leafCount;
        this.left = left.clone();
        this.right = right.clone();
        int nodes = 2 * leafCount - 1;
        this.height = new double[nodes];
        this.parent = new int[nodes];
        Arrays.fill(parent, -1);
        for (int i = 0; i < leafCount - 1; i++) {
            int node = leafCount + i;
            height[node] = internalHeights[i];
            for (int c : new int[] {left[i], right[i]}) {
                if (c < 0 || c >= node || parent[c] != -1) {
                    throw new IllegalArgumentException("merge " + i + " has an invalid child " + c);
                }
                if (height[c] > internalHeights[i] + 1e-12) {
                    throw new IllegalArgumentException("merge " + i + " is lower than its child " + c);
                }
                parent[c] = node;
            }
        }
    }

    public int leafCount() {
        return leafCount;
    }

    public int nodeCount() {
        return 2 * leafCount - 1;
    }

    public int root() {
        return nodeCount() - 1;
    }

    public boolean isLeaf(int node) {
        return node < leafCount;
    }

    public int left(int node) {
        return left[node - leafCount];
    }

    public int right(int node) {
        return right[node - leafCount];
    }

    /** Parent node id, or −1 for the root. */
    public int parent(int node) {
        return parent[node];
    }

    public int sibling(int node) {
        int p = parent[node];
        return left(p) == node ? right(p) : left(p);
    }

    public double height(int node) {
        return height[node];
    }

    /**
     * log density of the merge times and pairings under Kingman's coalescent: with k lineages the next merge waits
     * Exp(C(k, 2)) and picks one of C(k, 2) pairs uniformly, so each merge contributes −C(k, 2)·δ.
     */
    public double kingmanLogPrior() {
        double[] h = Arrays.copyOfRange(height, leafCount, height.length);
        Arrays.sort(h);
        double logp = 0;
        double previous = 0;
        for (int i = 0; i < h.length; i++) {
            int k = leafCount - i;
            logp -= k * (k - 1) / 2.0 * (h[i] - previous);
            previous = h[i];
        }
        return logp;
    }

    /** Height of the lowest common ancestor of two leaves (0 for a leaf with itself). */
    public double mergeHeight(int a, int b) {
        Set<Integer> ancestors = new HashSet<>();
        for (int n = a; n != -1; n = parent[n]) {
            ancestors.add(n);
        }
        int n = b;
        while (!ancestors.contains(n)) {
            n = parent[n];
        }
        return height[n];
    }

    /** The leaf set under every internal node except the root, as bit sets over leaf indices (the clades). */
    public Set<BitSet> clades() {
        BitSet[] under = new BitSet[nodeCount()];
        Set<BitSet> out = new HashSet<>();
        for (int n = 0; n < nodeCount(); n++) {
            if (isLeaf(n)) {
                under[n] = new BitSet();
                under[n].set(n);
            } else {
                under[n] = (BitSet) under[left(n)].clone();
                under[n].or(under[right(n)]);
                if (n != root()) {
                    out.add(under[n]);
                }
            }
        }
        return out;
    }

    /** Rooted Robinson–Foulds distance: clades in one tree but not the other (0 = same topology). */
    public int robinsonFoulds(CoalescentTree other) {
        Set<BitSet> a = clades();
        Set<BitSet> b = other.clades();
        int d = 0;
        for (BitSet c : a) {
            d += b.contains(c) ? 0 : 1;
        }
        for (BitSet c : b) {
            d += a.contains(c) ? 0 : 1;
        }
        return d;
    }

    /** The tree as a relatedness view, leaves named by {@code tasks}. */
    public TaskTree toTaskTree(String title, List<String> tasks) {
        TaskTree.Node[] nodes = new TaskTree.Node[nodeCount()];
        for (int n = 0; n < nodeCount(); n++) {
            nodes[n] = isLeaf(n) ? TaskTree.Node.leaf(tasks.get(n))
                    : TaskTree.Node.merge(nodes[left(n)], nodes[right(n)], height[n]);
        }
        return new TaskTree(title, nodes[root()]);
    }

    /**
     * Cophenetic similarity 1 − h(LCA(k, l)) / h(root): the share of the root-to-leaf path two tasks have in common,
     * which is their correlation under Brownian diffusion from a flat root. 1 on the diagonal.
     */
    public TaskMatrix copheneticSimilarity(String title, List<String> tasks) {
        int k = leafCount;
        double[][] s = new double[k][k];
        double top = height[root()];
        int[][] lca = lowestCommonAncestors();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                s[i][j] = i == j || top <= 0 ? 1 : 1 - height[lca[i][j]] / top;
            }
        }
        return new TaskMatrix(title, tasks, s, true);
    }

    /** LCA node of every leaf pair, filled bottom-up in O(K²). */
    int[][] lowestCommonAncestors() {
        int k = leafCount;
        int[][] lca = new int[k][k];
        List<List<Integer>> under = new ArrayList<>();
        for (int n = 0; n < nodeCount(); n++) {
            if (isLeaf(n)) {
                under.add(List.of(n));
                lca[n][n] = n;
            } else {
                List<Integer> l = under.get(left(n));
                List<Integer> r = under.get(right(n));
                for (int a : l) {
                    for (int b : r) {
                        lca[a][b] = n;
                        lca[b][a] = n;
                    }
                }
                List<Integer> both = new ArrayList<>(l);
                both.addAll(r);
                under.add(both);
            }
        }
        return lca;
    }
}
