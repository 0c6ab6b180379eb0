package io.skitai.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.skitai.core.internal.ByteRange.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

    private static ByteRange partial(long first, long last) {
        return new ByteRange(Kind.PARTIAL, first, last);
    }

    @Test
    void parsesTheThreeSingleRangeForms() {
        assertThat(ByteRange.parse("bytes=0-9", 100)).isEqualTo(partial(0, 9));
        assertThat(ByteRange.parse("bytes=90-", 100)).isEqualTo(partial(90, 99));
        assertThat(ByteRange.parse("bytes=-10", 100)).isEqualTo(partial(90, 99));
        assertThat(ByteRange.parse(" Bytes = 5 - 5 ", 100)).isEqualTo(partial(5, 5));
    }

    @Test
    void clampsToTheSize() {
        assertThat(ByteRange.parse("bytes=50-1000", 100)).isEqualTo(partial(50, 99));
        assertThat(ByteRange.parse("bytes=-1000", 100)).isEqualTo(partial(0, 99));
        assertThat(ByteRange.parse("bytes=0-99999999999999999999999", 100)).isEqualTo(partial(0, 99));
        assertThat(ByteRange.parse("bytes=0-", 1)).isEqualTo(partial(0, 0));
    }

    @Test
    void reportsLengthAndContentRange() {
        ByteRange r = ByteRange.parse("bytes=10-19", 100);
        assertThat(r.length()).isEqualTo(10);
        assertThat(r.contentRange(100)).isEqualTo("bytes 10-19/100");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=100-", "bytes=100-200", "bytes=-0", "bytes=99999999999999999999999-"})
    void refusesRangesBeyondTheEnd(String header) {
        assertThat(ByteRange.parse(header, 100).kind()).isEqualTo(Kind.UNSATISFIABLE);
    }

    @Test
    void nothingOfAnEmptyFileIsSatisfiable() {
        assertThat(ByteRange.parse("bytes=0-", 0).kind()).isEqualTo(Kind.UNSATISFIABLE);
        assertThat(ByteRange.parse("bytes=-5", 0).kind()).isEqualTo(Kind.UNSATISFIABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-1,5-6", "bytes=0-0,-1", "items=0-5", "bytes", "bytes=", "bytes=-", "bytes=a-b",
        "bytes=5-1", "bytes=--5", "bytes=1-2-3", "0-5", "bytes=+1-2", "bytes=0x10-"})
    void ignoresMultipleAndInvalidRanges(String header) {
        assertThat(ByteRange.parse(header, 100)).isEqualTo(ByteRange.FULL);
    }

    @Test
    void noHeaderMeansTheWholeFile() {
        assertThat(ByteRange.parse(null, 100)).isEqualTo(ByteRange.FULL);
    }
}
