/**
 * IVR trees and how a caller walks them: {@link dev.outdial.engine.ivr.IvrTree} is what an admin
 * saves, {@link dev.outdial.engine.ivr.IvrSession} follows one live caller a step at a time, and
 * {@link dev.outdial.engine.ivr.IvrWalk} follows simulated key presses through the same session,
 * so the rules of a tree are written once.
 */
package dev.outdial.engine.ivr;
