package dev.outdial.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outdial.testing.Api;
import dev.outdial.testing.OutdialIntegrationTest;
import dev.outdial.testing.TestBusiness;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@OutdialIntegrationTest
class AudioFilesTest {

    @Autowired
    Api api;

    TestBusiness business;

    @BeforeEach
    void aBusiness() {
        business = api.newBusiness("audio");
    }

    @Test
    void aWavIsStoredWithItsDurationAndServedBack() {
        byte[] wav = AudioSamples.wav(2000);
        JsonNode file = business.admin().upload("/api/v1/audio?name=Welcome", "welcome.wav", wav).expect(201).json();

        assertThat(file.get("name").asString()).isEqualTo("Welcome");
        assertThat(file.get("format").asString()).isEqualTo("WAV");
        assertThat(file.get("durationMillis").asLong()).isEqualTo(2000);
        assertThat(file.get("sizeBytes").asLong()).isEqualTo(wav.length);
        Api.Response content = business.admin().get("/api/v1/audio/" + file.get("id").asLong() + "/content").expect(200);
        assertThat(content.contentType()).startsWith("audio/wav");
        assertThat(business.admin().get("/api/v1/audio").expect(200).json().size()).isEqualTo(1);
    }

    @Test
    void anMp3IsKnownByItsContentWhateverItsName() {
        JsonNode file = business.admin().upload("/api/v1/audio", "music.bin", AudioSamples.mp3WithTag()).expect(201).json();

        assertThat(file.get("name").asString()).isEqualTo("music");
        assertThat(file.get("format").asString()).isEqualTo("MP3");
        assertThat(file.get("contentType").asString()).isEqualTo("audio/mpeg");
        assertThat(file.get("durationMillis").isNull()).isTrue();
    }

    @Test
    void aTextFileNamedWavIsRefused() {
        Api.Response response = business.admin().upload("/api/v1/audio", "fake.wav",
                "not audio at all".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
    }

    @Test
    void aFileOverTheLimitIsRefusedWithAFieldError() {
        Api.Response response = business.admin().upload("/api/v1/audio", "long.wav", AudioSamples.wav(1, 700_000));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("10 MB");
    }

    @Test
    void supervisorsListAgentsMayNotAndOtherBusinessesSeeNothing() {
        long id = business.admin().upload("/api/v1/audio", "a.wav", AudioSamples.wav(100)).expect(201).id();

        business.person("SUPERVISOR", "sup").client().get("/api/v1/audio/" + id).expect(200);
        TestBusiness.Person agent = business.agent("agent");
        agent.client().get("/api/v1/audio").expect(403);
        agent.client().upload("/api/v1/audio", "a.wav", AudioSamples.wav(100)).expect(403);
        business.person("SUPERVISOR", "sup2").client().delete("/api/v1/audio/" + id).expect(403);
        TestBusiness other = api.newBusiness("other-audio");
        other.admin().get("/api/v1/audio/" + id).expect(404);
        other.admin().get("/api/v1/audio/" + id + "/content").expect(404);
        other.admin().delete("/api/v1/audio/" + id).expect(404);
        business.admin().delete("/api/v1/audio/" + id).expect(204);
        business.admin().get("/api/v1/audio/" + id).expect(404);
    }
}
