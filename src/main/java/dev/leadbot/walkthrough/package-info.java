/**
 * Every path of a flow walked through the same {@link dev.leadbot.engine.ConversationEngine}
 * that runs it in Telegram: every option, generated typed answers, back and restart at every
 * question, with what each path shows and the lead it makes.
 */
package dev.leadbot.walkthrough;
