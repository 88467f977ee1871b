package dev.outdial.testing;

import dev.outdial.call.CallRecordings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Random;
import java.util.UUID;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Recorded calls for tests of what is done with recordings, without placing a real call. */
public final class TestRecordings {

    private TestRecordings() {
    }

    /** A call of the campaign answered and ended at {@code at}, as its record is written; its id. */
    public static String answeredCall(JdbcClient db, long businessId, long campaignId, OffsetDateTime at) {
        String id = "recorded-" + UUID.randomUUID();
        db.sql("""
                insert into call_record (id, business_id, campaign_id, customer_id, dialed_number, hotline, queued_at,
                    dialing_at, answered_at, ended_at, result)
                values (:id, :business, :campaign, 1, '+84912345678', '+842873009999', :at, :at, :at, :at, 'SUCCESS')
                """).param("id", id).param("business", businessId).param("campaign", campaignId).param("at", at)
                .update();
        return id;
    }

    /** A queue call from {@code callerNumber} that {@code agentId} took at {@code at}, ended; its id. */
    public static String takenQueueCall(JdbcClient db, long businessId, long queueId, String callerNumber,
                                        long agentId, OffsetDateTime at) {
        String id = "queued-" + UUID.randomUUID();
        db.sql("""
                insert into inbound_call (id, business_id, queue_id, caller_number, entered_at, agent_id,
                    agent_ringing_at, connected_at, ended_at, result, keys_pressed)
                values (:id, :business, :queue, :caller, :at, :agent, :at, :at, :at, 'ANSWERED', '')
                """).param("id", id).param("business", businessId).param("queue", queueId)
                .param("caller", callerNumber).param("agent", agentId).param("at", at).update();
        return id;
    }

    /** Whether the recording's left channel, the customer's, holds more than the silence a leg hears (±8). */
    public static boolean leftChannelCarriesSound(byte[] wav) {
        for (int i = 44; i + 1 < wav.length; i += 4) {
            if (Math.abs((short) ((wav[i] & 0xFF) | (wav[i + 1] << 8))) > 200) {
                return true;
            }
        }
        return false;
    }

    /**
     * The share of the energy of the recording's right channel (what the customer heard), where it is not silent,
     * that is at {@code hertz}: near 1 for a pure tone, near 0 for speech or noise (as undecrypted packets decode).
     */
    public static double rightChannelShareAt(byte[] wav, double hertz) {
        int frames = (wav.length - 44) / 4;
        double[] samples = new double[frames];
        for (int i = 0; i < frames; i++) {
            int at = 44 + 4 * i + 2;
            samples[i] = (short) ((wav[at] & 0xFF) | (wav[at + 1] << 8));
        }
        double atTone = 0;
        double total = 0;
        int block = 400; // 50 ms at 8 kHz: a whole number of 440 Hz periods (22)
        for (int start = 0; start + block <= frames; start += block) {
            double energy = 0;
            for (int i = start; i < start + block; i++) {
                energy += samples[i] * samples[i];
            }
            if (energy / block < 200 * 200) {
                continue; // silence
            }
            // Goertzel: the block's energy at the one frequency
            double coefficient = 2 * Math.cos(2 * Math.PI * hertz / 8000);
            double previous = 0;
            double beforeThat = 0;
            for (int i = start; i < start + block; i++) {
                double current = samples[i] + coefficient * previous - beforeThat;
                beforeThat = previous;
                previous = current;
            }
            double power = previous * previous + beforeThat * beforeThat - coefficient * previous * beforeThat;
            atTone += 2 * power / block;
            total += energy;
        }
        return total == 0 ? 0 : atTone / total;
    }


    /**
     * A recording as the SIP adapter writes one: a two-channel 8 kHz 16-bit PCM WAV of {@code frames} frames, each
     * sample one that G.711 µ-law carries (audio that came over the phone), drawn from {@code seed}.
     */
    public static byte[] phoneWav(int frames, long seed) {
        byte[] mulaw = new byte[2 * frames];
        new Random(seed).nextBytes(mulaw);
        AudioFormat ulaw = new AudioFormat(AudioFormat.Encoding.ULAW, 8000, 8, 2, 2, 8000, false);
        AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, 8000, 16, 2, 4, 8000, false);
        try (AudioInputStream samples = AudioSystem.getAudioInputStream(pcm,
                new AudioInputStream(new ByteArrayInputStream(mulaw), ulaw, frames))) {
            byte[] data = samples.readAllBytes();
            ByteBuffer wav = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
            wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data.length)
                    .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                    .putShort((short) 2).putInt(8000).putInt(32000).putShort((short) 4).putShort((short) 16)
                    .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
            return wav.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps {@code wav} as the call's recording, as a node hands a finished one over (through a file). */
    public static void keep(CallRecordings recordings, String callId, byte[] wav, Duration length) {
        try {
            Path file = Files.write(Files.createTempFile("recording", ".wav"), wav);
            try {
                recordings.keep(callId, file, length);
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
