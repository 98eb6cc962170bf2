package io.ringside.protocol.deflate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringside.protocol.http.ExtensionOffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 7692 §7.1 negotiation: every branch of the server's choice and the client's check. */
class DeflateNegotiationTest {
    private static final DeflatePolicy DEFAULTS = DeflatePolicy.defaults();
    private static final DeflatePolicy TAKEOVER = DeflatePolicy.builder().serverContextTakeover(true)
            .clientContextTakeover(true).clientMaxWindowBits(12).maxContextBytesPerConnection(1 << 20).build();

    /** Test tables abbreviate: pmd, snct, cnct, smwb, cmwb. */
    private static String expand(String s) {
        return s.replace("pmd", "permessage-deflate").replace("snct", "server_no_context_takeover")
                .replace("cnct", "client_no_context_takeover").replace("smwb", "server_max_window_bits")
                .replace("cmwb", "client_max_window_bits");
    }

    private static String answer(String offers, DeflatePolicy policy) {
        DeflateParameters parameters = DeflateNegotiation.negotiate(ExtensionOffer.parse(offers), policy);
        return parameters == null ? null : parameters.headerValue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "DECLINED", value = {
        // what Chromium and Firefox offer
        "pmd; cmwb | pmd; snct; cnct",
        "pmd | pmd; snct; cnct",
        "pmd; snct; cnct | pmd; snct; cnct",
        "pmd; cmwb=10 | pmd; snct; cnct; cmwb=10",
        "pmd; smwb=15 | pmd; snct; cnct; smwb=15",
        "pmd; cmwb=\"9\" | pmd; snct; cnct; cmwb=9",
        // declined offers: a window we cannot keep to, bad values, unknown or repeated parameters
        "pmd; smwb=10 | DECLINED",
        "pmd; smwb | DECLINED",
        "pmd; cmwb=16 | DECLINED",
        "pmd; cmwb=7 | DECLINED",
        "pmd; cmwb=09 | DECLINED",
        "pmd; cmwb=abc | DECLINED",
        "pmd; snct=1 | DECLINED",
        "pmd; cnct=yes | DECLINED",
        "pmd; mystery | DECLINED",
        "pmd; cnct; cnct | DECLINED",
        "x-webkit-deflate-frame | DECLINED",
        // several offers: the first acceptable one, in the client's order
        "pmd; smwb=10, pmd; cmwb | pmd; snct; cnct",
        "foo, pmd; x=1, pmd; cmwb=11 | pmd; snct; cnct; cmwb=11",
    })
    void shouldAnswerOffersWhenPolicyIsDefault(String offers, String expected) {
        assertThat(answer(expand(offers), DEFAULTS)).isEqualTo(expected == null ? null : expand(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "pmd | pmd",
        "pmd; cmwb | pmd; cmwb=12",
        "pmd; cmwb=9 | pmd; cmwb=9",
        "pmd; snct | pmd; snct",
        "pmd; cnct | pmd; cnct",
    })
    void shouldGrantContextTakeoverUnlessClientDeclinesItWhenPolicyAllowsIt(String offers, String expected) {
        assertThat(answer(expand(offers), TAKEOVER)).isEqualTo(expand(expected));
    }

    @Test
    void shouldRefuseToBuildWhenContextTakeoverExceedsTheMemoryBound() {
        assertThatThrownBy(() -> DeflatePolicy.builder().serverContextTakeover(true).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxContextBytesPerConnection=0")
                .hasMessageContaining("needs " + DeflatePolicy.SERVER_CONTEXT_BYTES);
        assertThatThrownBy(() -> DeflatePolicy.builder().clientMaxWindowBits(7).build())
                .hasMessageContaining("clientMaxWindowBits=7");
        assertThatThrownBy(() -> DeflatePolicy.builder().level(10).build()).hasMessageContaining("level=10");
        assertThatThrownBy(() -> DeflatePolicy.builder().minMessageBytes(-1).build())
                .hasMessageContaining("minMessageBytes=-1");
        assertThat(DeflatePolicy.builder().clientContextTakeover(true)
                .maxContextBytesPerConnection(DeflatePolicy.CLIENT_CONTEXT_BYTES).build().contextBytesPerConnection())
                .isEqualTo(DeflatePolicy.CLIENT_CONTEXT_BYTES);
    }

    @Test
    void shouldAcceptServerAnswersWhenTheyKeepToTheOffer() {
        assertThat(DeflateNegotiation.clientAccept(ExtensionOffer.parse(""))).isNull();
        assertThat(DeflateNegotiation.clientAccept(ExtensionOffer.parse(expand("pmd"))))
                .isEqualTo(new DeflateParameters(false, false, 0, 0));
        assertThat(DeflateNegotiation.clientAccept(ExtensionOffer.parse(expand("pmd; snct; cnct; smwb=9"))))
                .isEqualTo(new DeflateParameters(true, true, 9, 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pmd; cmwb=10",
        "pmd; smwb=16",
        "pmd; snct; snct",
        "pmd; unknown",
        "pmd, pmd",
        "x-webkit-deflate-frame",
    })
    void shouldFailConnectionWhenServerAnswerBreaksTheRules(String answer) {
        assertThatThrownBy(() -> DeflateNegotiation.clientAccept(ExtensionOffer.parse(expand(answer))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldOfferClientNoContextTakeoverWhenAsked() {
        assertThat(DeflateNegotiation.clientOffer(false)).isEqualTo("permessage-deflate");
        assertThat(DeflateNegotiation.clientOffer(true)).isEqualTo("permessage-deflate; client_no_context_takeover");
    }
}
