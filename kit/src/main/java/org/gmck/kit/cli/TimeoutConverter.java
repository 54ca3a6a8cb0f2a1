package org.gmck.kit.cli;

import org.gmck.kit.Timeouts;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Checks a timeout per call as the kit reads it ({@code 500ms}, {@code 10s}, {@code 2m}, {@code PT10S}). */
final class TimeoutConverter implements ITypeConverter<String> {

    @Override
    public String convert(String value) {
        try {
            Timeouts.parse(value);
            return value.strip();
        } catch (RuntimeException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
