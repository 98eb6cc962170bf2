package io.ringside.engine.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryParametersTest {
    @Test
    void shouldDecodeValuesAndKeepTheFirstOfAName() {
        // when
        QueryParameters query = QueryParameters.parse("room=a%2Fb&reason=two+words&room=second&flag&&x=");

        // then
        assertThat(query.get("room")).isEqualTo("a/b");
        assertThat(query.get("reason")).isEqualTo("two words");
        assertThat(query.get("flag")).isEmpty();
        assertThat(query.get("missing")).isNull();
        assertThat(QueryParameters.parse(null).get("room")).isNull();
    }

    @Test
    void shouldNameAMissingOrEmptyParameterAndRefuseBadEncoding() {
        assertThatThrownBy(() -> QueryParameters.parse("x=").require("x"))
                .hasMessage("missing query parameter 'x'");
        assertThatThrownBy(() -> QueryParameters.parse("room=%zz"))
                .hasMessageStartingWith("query is not URL-encoded");
    }
}
