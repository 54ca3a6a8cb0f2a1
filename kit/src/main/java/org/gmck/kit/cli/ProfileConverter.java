package org.gmck.kit.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.gmck.spi.common.Profile;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a profile by its id ({@code pgm-modes}), naming the profiles there are when it is none of them. */
final class ProfileConverter implements ITypeConverter<Profile> {

    @Override
    public Profile convert(String value) {
        return Profile.byId(value.strip())
                .orElseThrow(() -> new TypeConversionException("'" + value + "' is not a profile; the profiles are "
                        + Arrays.stream(Profile.values()).map(Profile::id).collect(Collectors.joining(", "))));
    }
}
