/**
 * Pieces shared by the model families trained with DJL/PyTorch ({@code vmtl}, {@code routing}): Adam on a list of
 * parameters, the padded all-tasks batch, safe constants inside a recorded forward pass ({@link
 * org.mtlworkbench.model.djl.Scalars}), temperature schedules, the binary Gumbel-softmax, and TorchScript compiled
 * from the project's source text ({@link org.mtlworkbench.model.djl.ScriptModule}, for steps that would otherwise be
 * hundreds of separate native calls).
 */
package org.mtlworkbench.model.djl;
