package org.gmck.reference.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReferenceAdapterTest {

    @Test
    void itsVersionIsTheBuildsVersion() {
        assertEquals(System.getProperty("gmck.build.version"), new ReferenceAdapter().version());
    }
}
