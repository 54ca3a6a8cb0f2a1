package com.example.pgmlite;

import org.gmck.kit.certify.AdapterConformanceTest;
import org.gmck.spi.ConformanceAdapter;

/** Certifies pgm-lite with the kit: the report is in target/conformance/. */
class PgmLiteConformanceTest extends AdapterConformanceTest {

    @Override
    protected ConformanceAdapter adapter() {
        return new PgmLiteAdapter();
    }
}
