package io.skitai.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidatorsTest {

    private static final String TAG = Validators.etag(4096, 1_700_000_000_123_456_789L);
    private static final long MODIFIED = 1_700_000_000L;

    @Test
    void entityTagsCarrySizeAndModificationTime() {
        assertThat(TAG).isEqualTo("\"1000-" + Long.toHexString(1_700_000_000_123_456_789L) + "\"");
        assertThat(Validators.etag(4096, 1)).isNotEqualTo(Validators.etag(4096, 2));
        assertThat(Validators.etag(1, 5)).isNotEqualTo(Validators.etag(2, 5));
    }

    @Test
    void ifNoneMatchComparesWeakly() {
        assertThat(Validators.noneMatchHits(TAG, TAG)).isTrue();
        assertThat(Validators.noneMatchHits("W/" + TAG, TAG)).isTrue();
        assertThat(Validators.noneMatchHits("\"a\", " + TAG, TAG)).isTrue();
        assertThat(Validators.noneMatchHits("\"a\",W/" + TAG + ",\"b\"", TAG)).isTrue();
        assertThat(Validators.noneMatchHits("*", TAG)).isTrue();
        assertThat(Validators.noneMatchHits("\"a\", \"b\"", TAG)).isFalse();
        assertThat(Validators.noneMatchHits("\"1000-\"", TAG)).isFalse();
        assertThat(Validators.noneMatchHits(TAG.substring(1), TAG)).isFalse();
        assertThat(Validators.noneMatchHits("\"unterminated", TAG)).isFalse();
        assertThat(Validators.noneMatchHits("", TAG)).isFalse();
    }

    @Test
    void ifModifiedSinceComparesSeconds() {
        String lastModified = Validators.httpDate(MODIFIED);
        assertThat(lastModified).isEqualTo("Tue, 14 Nov 2023 22:13:20 GMT");
        assertThat(Validators.notModifiedSince(lastModified, MODIFIED)).isTrue();
        assertThat(Validators.notModifiedSince(Validators.httpDate(MODIFIED + 60), MODIFIED)).isTrue();
        assertThat(Validators.notModifiedSince(Validators.httpDate(MODIFIED - 1), MODIFIED)).isFalse();
        assertThat(Validators.notModifiedSince("not a date", MODIFIED)).isFalse();
        assertThat(Validators.notModifiedSince("Tuesday, 14-Nov-23 22:13:20 GMT", MODIFIED)).isTrue();
        assertThat(Validators.notModifiedSince("Tue Nov 14 22:13:20 2023", MODIFIED)).isTrue();
    }

    @Test
    void ifRangeNeedsAStrongTagOrTheExactDate() {
        assertThat(Validators.ifRangeHolds(null, TAG, MODIFIED)).isTrue();
        assertThat(Validators.ifRangeHolds(TAG, TAG, MODIFIED)).isTrue();
        assertThat(Validators.ifRangeHolds("W/" + TAG, TAG, MODIFIED)).isFalse();
        assertThat(Validators.ifRangeHolds("\"other\"", TAG, MODIFIED)).isFalse();
        assertThat(Validators.ifRangeHolds(Validators.httpDate(MODIFIED), TAG, MODIFIED)).isTrue();
        assertThat(Validators.ifRangeHolds(Validators.httpDate(MODIFIED + 1), TAG, MODIFIED)).isFalse();
        assertThat(Validators.ifRangeHolds("garbage", TAG, MODIFIED)).isFalse();
    }
}
