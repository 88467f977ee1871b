package dev.outdial.sip.signal;

import javax.sip.ResponseEvent;

/**
 * Whoever sent a request and waits for its answer, attached to the client transaction as its
 * application data so the endpoint hands responses and timeouts back to the right leg.
 */
public interface ResponseHandler {

    /** For a request whose answer changes nothing (a BYE, a CANCEL): the leg has ended already. */
    ResponseHandler IGNORED = new ResponseHandler() {
        @Override
        public void onResponse(ResponseEvent event) {
        }

        @Override
        public void onTimeout() {
        }
    };

    void onResponse(ResponseEvent event);

    /** No final response in time (Timer B/F): nothing answers at the far end. */
    void onTimeout();
}
