/**
 * Pieces shared by the model families trained with DJL/PyTorch ({@code vmtl}, {@code routing}): Adam on a list of
 * parameters, the padded all-tasks batch, safe constants inside a recorded forward pass ({@link
 * org.mtlworkbench.model.djl.Scalars}), temperature schedules and the binary Gumbel-softmax.
 */
package org.mtlworkbench.model.djl;
