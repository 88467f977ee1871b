/**
 * The rules of dialing, one small class per decision, asked alike by the live server and the
 * simulator: which customers are eligible and in what order ({@link dev.outdial.engine.rules.DialingOrder}),
 * who may receive a due callback ({@link dev.outdial.engine.rules.CallbackOwnership}), when a campaign
 * and a called party may be dialed ({@link dev.outdial.engine.rules.WeeklySchedule},
 * {@link dev.outdial.engine.rules.CallingWindow}), how much work an agent and the business may take
 * ({@link dev.outdial.engine.rules.DailyQuota}, {@link dev.outdial.engine.rules.ConcurrencyLimit}),
 * and, right before every dial, {@link dev.outdial.engine.rules.DialCompliance}.
 */
package dev.outdial.engine.rules;
