/**
 * What the engine needs from outside, and nothing more: time ({@link dev.outdial.engine.port.Scheduler}),
 * calls ({@link dev.outdial.engine.port.Telephony}), customers ({@link dev.outdial.engine.port.CustomerStore}),
 * agents ({@link dev.outdial.engine.port.AgentPool}) and the record of calls
 * ({@link dev.outdial.engine.port.CallLog}). The server adapts them to the database, a real-time
 * scheduler and a telephony adapter; the simulator to memory and virtual time. They will be
 * refined when the server wires them.
 */
package dev.outdial.engine.port;
