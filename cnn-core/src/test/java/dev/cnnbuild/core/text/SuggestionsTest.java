package dev.cnnbuild.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private final List<String> keys = List.of("filters", "kernel", "stride", "padding");

    @Test
    void suggestsOnlyCloseWords() {
        assertThat(Suggestions.didYouMean("filter", keys)).isEqualTo("; did you mean 'filters'?");
        assertThat(Suggestions.didYouMean("Kernal", keys)).isEqualTo("; did you mean 'kernel'?");
        assertThat(Suggestions.didYouMean("pad", keys)).isEqualTo("; did you mean 'padding'?");
        assertThat(Suggestions.didYouMean(" strid ", keys)).isEqualTo("; did you mean 'stride'?");
        assertThat(Suggestions.didYouMean("dilation", keys)).isEmpty();
        assertThat(Suggestions.didYouMean("", keys)).isEmpty();
        assertThat(Suggestions.didYouMean("  ", keys)).isEmpty();
    }

    @Test
    void hintListsEveryValidWord() {
        assertThat(Suggestions.unknownWordHint("filter", keys, "keys"))
                .isEqualTo("; did you mean 'filters'? Valid keys: filters, kernel, stride, padding");
        assertThat(Suggestions.unknownWordHint("dilation", keys, "keys"))
                .isEqualTo("; valid keys: filters, kernel, stride, padding");
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(Suggestions.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.editDistance("", "loss")).isEqualTo(4);
        assertThat(Suggestions.editDistance("loss", "loss")).isZero();
    }
}
