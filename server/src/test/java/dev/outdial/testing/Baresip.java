package dev.outdial.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * baresip (1.0), a real softphone, run as an agent's phone: it registers with digest to Outdial, answers every call
 * at once ({@code answermode=auto}), sends a tone and dumps what it hears ({@link #framesHeardWithSound()}). Without
 * baresip the tests that need it are skipped with a note, unless {@code OUTDIAL_REQUIRE_SOFTPHONE=1} (CI sets it),
 * where a missing baresip fails them. Its console and files go to a folder under {@code target/baresip}.
 */
public final class Baresip implements AutoCloseable {

    private static final Path BARESIP = Path.of(System.getenv().getOrDefault("OUTDIAL_BARESIP", "/usr/bin/baresip"));
    private static final Path MODULES = Path.of("/usr/lib/baresip/modules");
    private static final ExternalTool TOOL = new ExternalTool("baresip", BARESIP, "the softphone test",
            "OUTDIAL_REQUIRE_SOFTPHONE", "apt-get install baresip-core");

    private static final int FRAME_SAMPLES = 160;
    /** RMS of a 20 ms frame below which it is silence (of 32,768): G.711's silence decodes to 0 or 8. */
    private static final double SILENT = 100;
    private static final int WAV_HEADER = 44;

    /** Its console's port, past its SIP port's: it takes the next one for SIP over TLS. */
    private static final int CONSOLE_AFTER_SIP = 3;

    private final Process process;
    private final Path home;
    private final int consolePort;

    private Baresip(Process process, Path home, int consolePort) {
        this.process = process;
        this.home = home;
        this.consolePort = consolePort;
    }

    /** Skips the test when baresip is absent, or fails it where it is required. */
    public static void require() {
        TOOL.require();
    }

    /**
     * Starts a phone of {@code user} registering to {@code registrar} (host:port), listening for SIP on
     * {@code sipPort} and sending RTP from {@code rtpPorts} ("low-high"); its console ({@link #type}) takes
     * {@code sipPort + 3}.
     */
    public static Baresip phone(String user, String password, String registrar, int sipPort, String rtpPorts) {
        return phone(user, password, registrar, sipPort, rtpPorts, Optional.empty());
    }

    /**
     * As {@link #phone(String, String, String, int, String)}, registering to {@code registrar} over TLS, trusting the
     * certificate in the PEM file {@code trusted}, and taking and making SRTP calls only (baresip's
     * {@code mediaenc=srtp-mand}: RTP/SAVP keyed with SDES, through its srtp module).
     */
    public static Baresip securePhone(String user, String password, String registrar, int sipPort, String rtpPorts,
                                      Path trusted) {
        return phone(user, password, registrar, sipPort, rtpPorts, Optional.of(trusted));
    }

    private static Baresip phone(String user, String password, String registrar, int sipPort, String rtpPorts,
                                 Optional<Path> secureTrusting) {
        require();
        boolean secure = secureTrusting.isPresent();
        try {
            Path home = Files.createDirectories(Path.of("target", "baresip", user + "-" + System.nanoTime()));
            Path tone = home.resolve("tone.wav");
            writeTone(tone);
            // Outdial offers G.711 only: without the g711 module baresip rejects the call ("no common audio codecs").
            Files.writeString(home.resolve("config"), String.join("\n",
                    "poll_method poll",
                    "sip_listen 127.0.0.1:" + sipPort,
                    "rtp_ports " + rtpPorts,
                    "audio_source aufile," + tone.toAbsolutePath(),
                    "audio_player aufile," + home.resolve("played.wav").toAbsolutePath(),
                    "audio_alert aufile," + home.resolve("alert.wav").toAbsolutePath(),
                    "module_path " + MODULES,
                    "module g711.so",
                    "module aufile.so",
                    secure ? "module srtp.so" : "",
                    secureTrusting.map(pem -> "sip_cafile " + pem.toAbsolutePath()).orElse(""),
                    // Dumps each call's audio as decoded, what the agent would hear (aufile 1.0 cannot play to a file).
                    "module sndfile.so",
                    "snd_path " + Files.createDirectories(home.resolve("dump")).toAbsolutePath(),
                    // what its user types, sent as UDP datagrams (type)
                    "module cons.so",
                    "cons_listen 127.0.0.1:" + (sipPort + CONSOLE_AFTER_SIP),
                    "module_app account.so",
                    "module_app menu.so",
                    ""));
            Files.writeString(home.resolve("accounts"), "<sip:" + user + "@" + registrar + ";transport="
                    + (secure ? "tls" : "udp") + ">;auth_pass=" + password + ";answermode=auto;audio_codecs=PCMU,PCMA"
                    + ";regint=60" + (secure ? ";mediaenc=srtp-mand" : "") + "\n");
            Process process = new ProcessBuilder(List.of(BARESIP.toString(), "-f", home.toAbsolutePath().toString()))
                    .redirectErrorStream(true).redirectOutput(home.resolve("console.log").toFile()).start();
            return new Baresip(process, home, sipPort + CONSOLE_AFTER_SIP);
        } catch (IOException cannotStart) {
            throw new IllegalStateException("cannot start baresip", cannotStart);
        }
    }

    /**
     * The 20 ms frames that carry sound (louder than {@code SILENT}) in what the phone heard on its last call: read
     * from the dump baresip writes as it decodes (its header is complete only at the call's end, so the samples are
     * read to the end of the file).
     */
    public int framesHeardWithSound() {
        try (var dumps = Files.list(home.resolve("dump"))) {
            Optional<Path> last = dumps.filter(file -> file.getFileName().toString().endsWith("-dec.wav"))
                    .max(Comparator.naturalOrder());
            if (last.isEmpty()) {
                return 0;
            }
            byte[] wav = Files.readAllBytes(last.get());
            ShortBuffer samples = ByteBuffer.wrap(wav, WAV_HEADER, Math.max(0, wav.length - WAV_HEADER))
                    .slice().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
            int withSound = 0;
            while (samples.remaining() >= FRAME_SAMPLES) {
                double energy = 0;
                for (int i = 0; i < FRAME_SAMPLES; i++) {
                    double sample = samples.get();
                    energy += sample * sample;
                }
                withSound += Math.sqrt(energy / FRAME_SAMPLES) > SILENT ? 1 : 0;
            }
            return withSound;
        } catch (IOException unreadable) {
            throw new AssertionError("what the phone heard is unreadable; its console: " + screen(), unreadable);
        }
    }

    /**
     * Two minutes of a 440 Hz tone, 16-bit 8 kHz mono: what the agent says. baresip hangs up when its source ends
     * (and its sine source only works at 48 kHz), so the tone lasts longer than any test's call.
     */
    private static void writeTone(Path file) throws IOException {
        int count = 8000 * 120;
        ByteBuffer samples = ByteBuffer.allocate(count * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            samples.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0)));
        }
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(samples.array()), format, count),
                AudioFileFormat.Type.WAVE, file.toFile());
    }

    /**
     * Whether Outdial ended a call of the phone: baresip says "session closed" when the far end hangs up (its "Call
     * with … terminated" may come later: CI once saw it only at exit).
     */
    public boolean hungUpByOutdial() {
        return screen().contains("session closed");
    }

    /** Types {@code command} on the phone's console, as its user would: {@code /hold}, {@code /resume}. */
    public void type(String command) {
        byte[] line = (command + "\n").getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket console = new DatagramSocket()) {
            console.send(new DatagramPacket(line, line.length, InetAddress.getLoopbackAddress(), consolePort));
        } catch (IOException unreachable) {
            throw new AssertionError("baresip's console is unreachable; its console: " + screen(), unreachable);
        }
    }

    /** What baresip printed so far, for failure messages. */
    public String screen() {
        try {
            return Files.readString(home.resolve("console.log"));
        } catch (IOException unreadable) {
            return "(no log: " + unreadable.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        ExternalTool.stop(process);
    }
}
