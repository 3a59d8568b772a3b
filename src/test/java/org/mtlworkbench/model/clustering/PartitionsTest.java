package org.mtlworkbench.model.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class PartitionsTest {

    @Test
    void adjustedRandIsOneForRelabelledPartitionsAndKnownValueOtherwise() {
        assertThat(Partitions.adjustedRand(new int[] {0, 0, 1, 1, 2, 2}, new int[] {2, 2, 0, 0, 1, 1})).isEqualTo(1.0);
        // the textbook example: ARI([0,0,0,1,1,1],[0,0,1,1,2,2]) = 0.24242…
        assertThat(Partitions.adjustedRand(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2}))
                .isCloseTo(0.242424, offset(1e-5));
    }
}
