/**
 * Latent coalescent hierarchies over tasks (Daumé 2009): Kingman's coalescent prior over a binary tree whose leaves
 * are the tasks, Brownian diffusion of task weights ({@code coalescent-da}) or of the log standard deviations of the
 * weight prior ({@code coalescent-mtl}) down its branches, greedy tree construction, Gaussian messages and EM.
 */
package org.mtlworkbench.model.coalescent;
