package dev.outdial.sip.media;

/**
 * A supervisor listening in on a call (silent monitoring): what the monitored leg's far end says and what it hears
 * (the agent, or the prompts played to it), each side queued as it comes and the two summed 20 ms at a time into the
 * packets the listening leg sends. A side is heard once {@link #PRIMED} of it is queued, so packets arriving unevenly
 * still play evenly; a side that runs dry is silence until it is primed again, and one that gets {@link #MOST_QUEUED}
 * ahead loses its oldest samples, so the listener never drifts behind the call. Thread-safe: fed on the receiving and
 * pacing threads, read on the pacing thread.
 */
final class MonitorMix {

    /** 40 ms: what a side holds before it is heard. */
    static final int PRIMED = 320;
    /** 300 ms: the most a side holds. */
    static final int MOST_QUEUED = 2400;

    private final Side said = new Side();
    private final Side heard = new Side();
    /** Another supervisor barged in on the call: what they say, which the monitored leg's far end hears too. */
    private final Side barged = new Side();
    private final RtpLeg monitored;
    private final Runnable whenOver;
    private volatile boolean over;

    /** Listens to {@code monitored}; {@code whenOver} runs once, when the monitored leg closes. */
    MonitorMix(RtpLeg monitored, Runnable whenOver) {
        this.monitored = monitored;
        this.whenOver = whenOver;
    }

    RtpLeg monitored() {
        return monitored;
    }

    /** What the monitored leg's far end said. */
    synchronized void said(short[] samples, int count) {
        said.add(samples, count);
    }

    /** What the monitored leg's far end heard. */
    synchronized void heard(short[] samples, int count) {
        heard.add(samples, count);
    }

    /** What another supervisor, barged in on the call, said: the monitored leg's far end hears it too. */
    synchronized void barged(short[] samples, int count) {
        barged.add(samples, count);
    }

    /** The next {@code count} samples: the sides summed and clipped, silence where a side has nothing to give. */
    synchronized void next(short[] into, int count) {
        for (int i = 0; i < count; i++) {
            int sum = said.take() + heard.take() + barged.take();
            into[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum));
        }
    }

    /** The monitored leg closed: nothing more comes, and its listener is told. */
    void end() {
        over = true;
        whenOver.run();
    }

    boolean isOver() {
        return over;
    }

    /** One side's samples, oldest first, in a ring of {@link #MOST_QUEUED}. */
    private static final class Side {

        private final short[] ring = new short[MOST_QUEUED];
        private int first;
        private int size;
        private boolean primed;

        void add(short[] samples, int count) {
            for (int i = 0; i < count; i++) {
                if (size == ring.length) { // too far ahead: the oldest goes
                    first = (first + 1) % ring.length;
                    size--;
                }
                ring[(first + size) % ring.length] = samples[i];
                size++;
            }
            primed |= size >= PRIMED;
        }

        int take() {
            if (!primed || size == 0) {
                primed = false;
                return 0;
            }
            short sample = ring[first];
            first = (first + 1) % ring.length;
            size--;
            return sample;
        }
    }
}
