package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlsConfigTest {
    private static TlsConfig.Builder pem() {
        return TlsConfig.builder().certificateChain(Path.of("cert.pem")).privateKey(Path.of("key.pem"));
    }

    @Test
    void shouldPreferAes128AndOfferNoResumptionWhenNotConfigured() {
        // when
        TlsConfig config = pem().build();

        // then
        assertThat(config.cipherSuites()).first().isEqualTo("TLS_AES_128_GCM_SHA256");
        assertThat(config.cipherSuites()).isEqualTo(TlsConfig.DEFAULT_CIPHER_SUITES);
        assertThat(config.sessionResumption()).isFalse();
    }

    @Test
    void shouldKeepTheGivenOrderAndResumptionWhenConfigured() {
        // when
        TlsConfig config = pem().cipherSuites(List.of("TLS_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384")).sessionResumption(true).build();

        // then
        assertThat(config.cipherSuites()).containsExactly("TLS_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
        assertThat(config.sessionResumption()).isTrue();
    }

    @Test
    void shouldNameTheSuitesWhenEmptyOrNotJsseNames() {
        assertThatThrownBy(() -> pem().cipherSuites(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cipherSuites=[]");
        assertThatThrownBy(() -> pem().cipherSuites(List.of("TLS_AES_128_GCM_SHA256", "ECDHE-RSA-AES128-GCM-SHA256"))
                .build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad: ECDHE-RSA-AES128-GCM-SHA256");
    }

    @Test
    void shouldNameTheProtocolWithoutASuiteWhenTheSuitesLeaveOneOut() {
        assertThatThrownBy(() -> pem().cipherSuites(List.of("TLS_AES_128_GCM_SHA256")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no TLSv1.2 suite");
        assertThatThrownBy(() -> pem().cipherSuites(List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no TLSv1.3 suite");
        assertThat(pem().protocols(List.of("TLSv1.3")).cipherSuites(List.of("TLS_AES_128_GCM_SHA256")).build()
                .cipherSuites()).containsExactly("TLS_AES_128_GCM_SHA256");
    }
}
