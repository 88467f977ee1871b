package dev.outdial.sip.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class Q850Test {

    @Test
    void theCausesOfANetworkFailureAreDestinationOutOfOrderTheUnavailableResourcesAndTimerExpiry() {
        assertThat(IntStream.rangeClosed(1, 127).filter(Q850::isNetworkFailure).boxed())
                .containsExactly(27, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 102);
    }
}
