package dev.outdial.sip.signal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Slf4jMessageLoggerTest {

    @Test
    void theSrtpKeysOfAMessageNeverReachTheLog() {
        String sdp = "m=audio 7078 RTP/SAVP 0\r\n"
                + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:4fl6DT4Bi+DWT6MsBt5BOQ7Gda1Jiv7rtpYLOqvm|2^31\r\n"
                + "a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj\r\n";

        String logged = Slf4jMessageLogger.withoutKeys(sdp);

        assertThat(logged).doesNotContain("4fl6DT4B", "d0RmdmcmV")
                .contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:…|2^31\r\n")
                .contains("a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:…\r\n");
    }
}
