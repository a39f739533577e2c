package io.multitune.mtl;

import static io.multitune.mtl.Explicit.assertVector;
import static io.multitune.mtl.Explicit.gram;
import static io.multitune.mtl.Explicit.v;
import static io.multitune.mtl.Explicit.vectors;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GradientConflictTest {

    @Test
    void cosinesOfEveryPair() {
        double[][] g = vectors(v(1, 0, 0), v(1, 1, 0), v(-2, 0, 0), v(0, 0, 0));
        double[][] cosines = GradientConflict.cosines(gram(g));

        double s = 1 / Math.sqrt(2);
        assertVector(v(1, s, -1, 0), cosines[0]);
        assertVector(v(s, 1, -s, 0), cosines[1]);
        assertVector(v(-1, -s, 1, 0), cosines[2]);
        assertVector(v(0, 0, 0, 0), cosines[3]); // a zero gradient has no direction
    }

    @Test
    void roundingCannotLeaveTheUnitInterval() {
        double[][] gram = {{1, 1 + 1e-12}, {1 + 1e-12, 1}};
        assertEquals(1, GradientConflict.cosines(gram)[0][1]);
    }
}
