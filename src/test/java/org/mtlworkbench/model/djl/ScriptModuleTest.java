package org.mtlworkbench.model.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.numeric.DjlDevices;

/** TorchScript compiled from source text, with no Python: arguments of every kind in, a tuple of tensors out. */
class ScriptModuleTest {

    private static final String SOURCE = String.join("\n",
            "class Probe(Module):",
            "  __parameters__ = []",
            "  __buffers__ = []",
            "  training : bool",
            "  def forward(self: __torch__.Probe, x: Tensor, y: Tensor, sizes: List[int], flags: List[bool],",
            "    reals: List[float]) -> Tuple[Tensor, Tensor]:",
            "    a = torch.matmul(x, y) * reals[0]",
            "    if flags[0]:",
            "      a = a + 1.0",
            "    return (a.reshape([sizes[0], -1]), torch.sigmoid(a).sum([0]))",
            "");

    @Test
    void runsCompiledSourceOnDjlArrays() {
        try (NDManager m = DjlDevices.engine().newBaseManager();
             ScriptModule script = ScriptModule.compile("Probe", SOURCE)) {
            NDArray x = m.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
            NDArray y = m.create(new float[] {1, 0, 0, 1, 1, 1}, new Shape(3, 2));
            for (boolean flag : new boolean[] {false, true}) {
                NDArray[] out = script.run("forward", m, x, y, new long[] {1}, new boolean[] {flag},
                        new double[] {2.0});
                float shift = flag ? 1 : 0;
                // x·y = [[4, 5], [10, 11]], times 2
                assertThat(out[0].getShape()).isEqualTo(new Shape(1, 4));
                assertThat(out[0].toFloatArray()).containsExactly(8 + shift, 10 + shift, 20 + shift, 22 + shift);
                float[] s = out[1].toFloatArray();
                assertThat(s[0]).isCloseTo(sigmoid(8 + shift) + sigmoid(20 + shift),
                        org.assertj.core.api.Assertions.within(1e-6f));
                assertThat(out[0].getManager()).isSameAs(m);
            }
        }
    }

    @Test
    void aCompileErrorNamesTheClassAndLibtorchsReason() {
        String broken = SOURCE.replace("torch.sigmoid(a)", "torch.no_such_op(a)");
        assertThatThrownBy(() -> ScriptModule.compile("Probe", broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Probe")
                .hasMessageContaining("no_such_op");
    }

    @Test
    void aMissingResourceIsNamed() {
        assertThatThrownBy(() -> ScriptModule.fromResource(ScriptModuleTest.class, "Nothing.torchscript", "X"))
                .hasMessageContaining("Nothing.torchscript");
    }

    private static float sigmoid(float v) {
        return (float) (1 / (1 + Math.exp(-v)));
    }
}
