package org.gmck.selftest;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The second shard of {@link KnownBadAdaptersTest}: the same check on the other half of the known-bad
 * adapters, in a class of its own so that a second test fork can certify them while the first certifies its
 * half.
 */
class KnownBadAdaptersSecondShardTest {

    @TestFactory
    Stream<DynamicTest> everyKnownBadAdapterIsRejectedByTheRuleItBreaks() {
        return KnownBadAdaptersTest.rejections(1);
    }
}
